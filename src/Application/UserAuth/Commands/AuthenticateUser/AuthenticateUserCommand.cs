using MediatR;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Application.Common.Security;
using Navixy.Panel.Domain.Mfa;
using Navixy.Panel.Domain.Security;
using Navixy.Panel.Domain.Users;

namespace Navixy.Panel.Application.UserAuth.Commands.AuthenticateUser;

/// <summary>
/// <c>user/auth</c>: checks the password and opens a full session, or, when MFA applies to the user's account,
/// emails a one-time code and opens a second-factor session; 105 while the account's wrong codes are at their limit,
/// 15 while its code mails are (<see cref="SecondFactorLimits"/>).
/// </summary>
public sealed record AuthenticateUserCommand(string? Login, string? Password) : IRequest<UserAuthResult>;

public sealed record UserAuthResult(string Type, string? FactorType, string Hash)
{
    public const string Authenticated = "authenticated";
    public const string SecondFactorRequired = "second_factor_required";
}

public sealed class AuthenticateUserCommandHandler(
    IUserRepository users,
    IUserSessionRepository sessions,
    IUnitOfWork unitOfWork,
    ISecretTokens tokens,
    LoginThrottle throttle,
    OneTimeCodes codes,
    SecondFactorLimits limits,
    TimeProvider clock) : IRequestHandler<AuthenticateUserCommand, UserAuthResult>
{
    public async Task<UserAuthResult> Handle(AuthenticateUserCommand request, CancellationToken cancellationToken)
    {
        var login = request.Login!;
        var attempt = await throttle.TryBeginAsync(LoginScope.User, login, cancellationToken)
            ?? throw new NavixyException(ErrorCode.LoginAttemptsExceeded);
        var found = await users.FindByLoginWithMfaAsync(login, cancellationToken);
        if (found?.User.PendingPassword is { } pending)
        {
            // An imported user not yet reached by the background hashing finishes its own.
            var hash = await throttle.CheckPendingPasswordAsync(attempt, pending, request.Password!, cancellationToken)
                ?? throw new NavixyException(ErrorCode.WrongLoginOrPassword);
            await users.CompletePendingPasswordAsync(found.User.Id, hash, CancellationToken.None);
        }
        else if (!await throttle.CheckPasswordAsync(attempt, found?.User.PasswordHash, request.Password!, cancellationToken))
        {
            throw new NavixyException(ErrorCode.WrongLoginOrPassword);
        }

        var user = found!.User;
        if (found.DealerBlocked)
        {
            throw new NavixyException(ErrorCode.AccessDenied);
        }

        if (!user.Activated)
        {
            throw new NavixyException(ErrorCode.UserNotActivated);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var token = tokens.NewSessionToken();
        if (!MfaSettings.EnforcedAtSignIn(user.Demo, found.AccountMfa, found.DealerDefault))
        {
            sessions.Add(UserSession.StartFull(token.Digest, user.Id, now));
            await unitOfWork.SaveChangesAsync(cancellationToken);
            return new UserAuthResult(UserAuthResult.Authenticated, null, token.Hash);
        }

        // Per account, before anything is opened: a locked account gets no new session to guess on, and a full
        // mailbox no new mail.
        await limits.ThrowIfLockedAsync(user.Id, cancellationToken);
        var mail = await limits.ReserveMailAsync(user.Id, cancellationToken);
        var session = UserSession.StartSecondFactor(token.Digest, user.Id, now);
        sessions.Add(session);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        try
        {
            await codes.IssueAndSendAsync(session, user, mail, cancellationToken);
        }
        catch (NavixyException)
        {
            // Nothing usable may outlive a failed send: the second-factor session goes too.
            await sessions.DeleteAsync(session.Id, CancellationToken.None);
            throw;
        }

        return new UserAuthResult(UserAuthResult.SecondFactorRequired, "email", token.Hash);
    }
}
