using MediatR;
using Navixy.Panel.Application.Audit;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Application.Common.Security;
using Navixy.Panel.Domain.Audit;
using Navixy.Panel.Domain.Panel;
using Navixy.Panel.Domain.Security;

namespace Navixy.Panel.Application.Panel.Commands.AuthenticatePanelAccount;

/// <summary><c>panel/account/auth</c>: opens a panel session.</summary>
public sealed record AuthenticatePanelAccountCommand(string? Login, string? Password) : IRequest<PanelAuthResult>;

public sealed record PanelAuthResult(string Hash, PanelPermissions Permissions);

public sealed class AuthenticatePanelAccountCommandHandler(
    IPanelAccountRepository accounts,
    IDealerRepository dealers,
    IPanelSessionRepository sessions,
    IUnitOfWork unitOfWork,
    ISecretTokens tokens,
    LoginThrottle throttle,
    AuditTrail audit,
    TimeProvider clock) : IRequestHandler<AuthenticatePanelAccountCommand, PanelAuthResult>
{
    public async Task<PanelAuthResult> Handle(AuthenticatePanelAccountCommand request, CancellationToken cancellationToken)
    {
        var login = request.Login!;
        // The lock ends once the oldest counted failure leaves the window, at the latest one window from now.
        var attempt = await throttle.TryBeginAsync(LoginScope.Panel, login, cancellationToken)
            ?? throw new NavixyException(ErrorCode.TooManyRequests, "Too many failed logins, try again later") { RetryAfter = LoginFailure.Window };
        var account = await accounts.FindByLoginAsync(login, cancellationToken);
        if (!await throttle.CheckPasswordAsync(attempt, account?.PasswordHash, request.Password!, cancellationToken))
        {
            // The login as typed: an unknown one belongs to no dealer's log.
            await RecordFailureAsync(account?.DealerId, AuditActor.PanelAccount(account?.Id, login), cancellationToken);
            throw new NavixyException(ErrorCode.DealerNotFound);
        }

        var dealer = await dealers.FindAsync(account!.DealerId, cancellationToken);
        if (account.Blocked || dealer is null || dealer.Blocked)
        {
            await RecordFailureAsync(account.DealerId, AuditActor.PanelAccount(account.Id, account.Login), cancellationToken);
            throw new NavixyException(ErrorCode.AccessDenied);
        }

        var token = tokens.NewSessionToken();
        sessions.Add(new PanelSession(token.Digest, account.Id, account.DealerId, clock.GetUtcNow().UtcDateTime));
        audit.Record(AuditActions.PanelAuth, account.DealerId, actor: AuditActor.PanelAccount(account.Id, account.Login));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new PanelAuthResult(token.Hash, account.Permissions);
    }

    private Task RecordFailureAsync(long? dealerId, AuditActor actor, CancellationToken cancellationToken)
    {
        audit.Record(AuditActions.PanelAuthFailed, dealerId, actor: actor);
        return unitOfWork.SaveChangesAsync(cancellationToken);
    }
}
