using MediatR;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Domain.Users;

namespace Navixy.Panel.Application.UserAuth.Queries.AuthenticateUserSession;

/// <summary>The live user session a request presents.</summary>
public sealed record UserSessionContext(long SessionId, long UserId, long? MasterId, UserSessionKind Kind);

/// <summary>
/// Resolves a well-formed user-API hash; error 4 when unknown, expired, logged out or the user is deactivated, 11 when
/// the user's dealer is blocked (read with the session on every request, so a block ends open sessions at once).
/// </summary>
public sealed record AuthenticateUserSessionQuery(string Hash) : IRequest<UserSessionContext>;

public sealed class AuthenticateUserSessionQueryHandler(
    IUserSessionRepository sessions,
    IUnitOfWork unitOfWork,
    ISecretTokens tokens,
    TimeProvider clock) : IRequestHandler<AuthenticateUserSessionQuery, UserSessionContext>
{
    public async Task<UserSessionContext> Handle(AuthenticateUserSessionQuery request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var found = await sessions.FindByDigestAsync(tokens.DigestOfSessionHash(request.Hash), cancellationToken);
        if (found is null || found.Session.IsExpired(now) || !found.Activated)
        {
            throw new NavixyException(ErrorCode.SessionNotFound);
        }

        if (found.DealerBlocked)
        {
            throw new NavixyException(ErrorCode.AccessDenied);
        }

        if (found.Session.Touch(now))
        {
            try
            {
                await unitOfWork.SaveChangesAsync(cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                // A touch changes no version, so only a removal conflicts: a logout, or housekeeping as it expired.
                throw new NavixyException(ErrorCode.SessionNotFound);
            }
        }

        return new UserSessionContext(found.Session.Id, found.Session.UserId, found.MasterId, found.Session.Kind);
    }
}
