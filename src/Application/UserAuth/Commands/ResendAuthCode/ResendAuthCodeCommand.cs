using MediatR;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Domain.Users;

namespace Navixy.Panel.Application.UserAuth.Commands.ResendAuthCode;

/// <summary>
/// <c>user/auth/code/resend</c>: a new code by email, the old one void; once a minute, at most five per session, and
/// within the account's mail caps (<see cref="SecondFactorLimits"/>).
/// </summary>
public sealed record ResendAuthCodeCommand(long SessionId) : IRequest<Unit>;

public sealed class ResendAuthCodeCommandHandler(
    IUserSessionRepository sessions,
    IUserRepository users,
    OneTimeCodes codes,
    SecondFactorLimits limits,
    TimeProvider clock) : IRequestHandler<ResendAuthCodeCommand, Unit>
{
    public async Task<Unit> Handle(ResendAuthCodeCommand request, CancellationToken cancellationToken)
    {
        var session = await sessions.FindAsync(request.SessionId, cancellationToken);
        if (session is null || session.Kind != UserSessionKind.SecondFactor)
        {
            throw new NavixyException(ErrorCode.SessionNotFound);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        switch (session.CanSendCode(now))
        {
            case CodeSendRefusal.TooSoon:
                throw new NavixyException(ErrorCode.TooManyRequests, "A new code can be requested once a minute") { RetryAfter = session.NextCodeAllowedAt - now };
            case CodeSendRefusal.SendLimitReached:
                throw new NavixyException(ErrorCode.TooManyRequests, "No more codes for this login attempt: log in again");
        }

        var user = await users.FindAsync(session.UserId, cancellationToken) ?? throw new NavixyException(ErrorCode.SessionNotFound);
        var mail = await limits.ReserveMailAsync(user.Id, cancellationToken);
        try
        {
            await codes.IssueAndSendAsync(session, user, mail, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // A concurrent resend claimed this minute's send.
            throw new NavixyException(ErrorCode.TooManyRequests, "A new code can be requested once a minute") { RetryAfter = UserSession.ResendInterval };
        }

        return Unit.Value;
    }
}
