using MediatR;
using Navixy.Panel.Application.Audit;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Domain.Audit;
using Navixy.Panel.Domain.Users;

namespace Navixy.Panel.Application.UserAuth.Commands.VerifyAuthCode;

/// <summary>
/// <c>user/auth/code/verify</c>: trades a correct one-time code for a new full session; the second-factor hash dies.
/// 105 while the account's wrong codes, over all its sessions, are at their limit (<see cref="SecondFactorLimits"/>).
/// </summary>
public sealed record VerifyAuthCodeCommand(long SessionId, string? Code) : IRequest<string>;

public sealed class VerifyAuthCodeCommandHandler(
    IUserSessionRepository sessions,
    IUserRepository users,
    AuditTrail audit,
    IUnitOfWork unitOfWork,
    ISecretTokens tokens,
    SecondFactorLimits limits,
    TimeProvider clock) : IRequestHandler<VerifyAuthCodeCommand, string>
{
    public async Task<string> Handle(VerifyAuthCodeCommand request, CancellationToken cancellationToken)
    {
        var session = await sessions.FindAsync(request.SessionId, cancellationToken);
        if (session is null || session.Kind != UserSessionKind.SecondFactor)
        {
            throw new NavixyException(ErrorCode.SessionNotFound);
        }

        var user = await users.FindAsync(session.UserId, cancellationToken) ?? throw new NavixyException(ErrorCode.SessionNotFound);
        var reservation = await limits.ReserveCodeCheckAsync(session.UserId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var check = session.CheckCode(tokens.DigestOfOneTimeCode(request.Code!, session.Id), now, tokens.DigestsEqual);
        if (check != CodeCheck.Wrong)
        {
            // Only wrong codes count against the account: a right one, or one that met no usable code, is withdrawn.
            await limits.ReleaseAsync(reservation);
        }

        try
        {
            if (check != CodeCheck.Accepted)
            {
                if (check == CodeCheck.Wrong)
                {
                    audit.RecordSignIn(AuditActions.UserAuthCodeWrong, user);
                    if (session.CodeDigest is null)
                    {
                        // That miss was the code's last: it is void now.
                        audit.RecordSignIn(AuditActions.UserAuthCodeVoided, user);
                    }
                }

                await unitOfWork.SaveChangesAsync(cancellationToken);
                throw new NavixyException(ErrorCode.WrongAuthenticationCode);
            }

            var token = tokens.NewSessionToken();
            await unitOfWork.InTransactionAsync(async ct =>
            {
                // Saving the accepted check first makes the code single-use under concurrency: a second
                // request holding the same version fails its save.
                await unitOfWork.SaveChangesAsync(ct);
                sessions.Remove(session);
                sessions.Add(UserSession.StartFull(token.Digest, session.UserId, now));
                audit.RecordSignIn(AuditActions.UserAuthCodeVerified, user);
                return true;
            }, cancellationToken);
            return token.Hash;
        }
        catch (ConcurrencyConflictException)
        {
            throw new NavixyException(ErrorCode.WrongAuthenticationCode);
        }
    }
}
