using MediatR;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Application.Common.Security;

namespace Navixy.Panel.Application.Panel.Queries.AuthenticatePanelSession;

/// <summary>Resolves a well-formed panel hash to its live session; error 4 when unknown, expired or logged out.</summary>
public sealed record AuthenticatePanelSessionQuery(string Hash) : IRequest<PanelSessionInfo>;

public sealed class AuthenticatePanelSessionQueryHandler(IPanelSessionRepository sessions, PanelSessionCache cache, ISecretTokens tokens, TimeProvider clock)
    : IRequestHandler<AuthenticatePanelSessionQuery, PanelSessionInfo>
{
    public async Task<PanelSessionInfo> Handle(AuthenticatePanelSessionQuery request, CancellationToken cancellationToken)
    {
        var digest = tokens.DigestOfSessionHash(request.Hash);
        var now = clock.GetUtcNow().UtcDateTime;
        var session = cache.Find(digest, now);
        if (session is null)
        {
            var generation = cache.Generation;
            session = await sessions.FindByDigestAsync(digest, cancellationToken);
            if (session is not null && !session.AccountBlocked && !session.DealerBlocked && now < session.ExpiresAt)
            {
                cache.Keep(digest, session, now, generation);
            }
        }

        if (session is null || now >= session.ExpiresAt)
        {
            throw new NavixyException(ErrorCode.SessionNotFound);
        }

        if (session.AccountBlocked || session.DealerBlocked)
        {
            throw new NavixyException(ErrorCode.AccessDenied);
        }

        return session;
    }
}
