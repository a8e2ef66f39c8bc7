using MediatR;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;

namespace Navixy.Panel.Application.Panel.Queries.AuthenticatePanelSession;

/// <summary>Resolves a well-formed panel hash to its live session; error 4 when unknown, expired or logged out.</summary>
public sealed record AuthenticatePanelSessionQuery(string Hash) : IRequest<PanelSessionInfo>;

public sealed class AuthenticatePanelSessionQueryHandler(IPanelSessionRepository sessions, ISecretTokens tokens, TimeProvider clock)
    : IRequestHandler<AuthenticatePanelSessionQuery, PanelSessionInfo>
{
    public async Task<PanelSessionInfo> Handle(AuthenticatePanelSessionQuery request, CancellationToken cancellationToken)
    {
        var session = await sessions.FindByDigestAsync(tokens.DigestOfSessionHash(request.Hash), cancellationToken);
        if (session is null || clock.GetUtcNow().UtcDateTime >= session.ExpiresAt)
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
