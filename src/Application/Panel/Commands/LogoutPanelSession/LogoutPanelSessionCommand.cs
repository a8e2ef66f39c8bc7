using MediatR;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Application.Common.Security;

namespace Navixy.Panel.Application.Panel.Commands.LogoutPanelSession;

/// <summary><c>panel/account/logout</c>: ends the presented session at once.</summary>
public sealed record LogoutPanelSessionCommand(long SessionId) : IRequest<Unit>;

public sealed class LogoutPanelSessionCommandHandler(IPanelSessionRepository sessions, PanelSessionCache cache)
    : IRequestHandler<LogoutPanelSessionCommand, Unit>
{
    public async Task<Unit> Handle(LogoutPanelSessionCommand request, CancellationToken cancellationToken)
    {
        // A concurrent logout may have removed it between authentication and here: the session is ended either way.
        bool deleted;
        try
        {
            deleted = await sessions.DeleteAsync(request.SessionId, cancellationToken);
        }
        finally
        {
            // After the delete: a lookup that starts now finds no row, and one already running cannot cache what it
            // read. Also when the delete throws (the client went away after it committed): forgetting a session that
            // still exists only costs its next request a database lookup.
            cache.Forget(request.SessionId);
        }

        if (!deleted)
        {
            throw new NavixyException(ErrorCode.SessionNotFound);
        }

        return Unit.Value;
    }
}
