using MediatR;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;

namespace Navixy.Panel.Application.UserAuth.Commands.LogoutUser;

/// <summary><c>user/logout</c>: ends the presented session, full or second-factor.</summary>
public sealed record LogoutUserCommand(long SessionId) : IRequest<Unit>;

public sealed class LogoutUserCommandHandler(IUserSessionRepository sessions) : IRequestHandler<LogoutUserCommand, Unit>
{
    public async Task<Unit> Handle(LogoutUserCommand request, CancellationToken cancellationToken)
    {
        if (!await sessions.DeleteAsync(request.SessionId, cancellationToken))
        {
            throw new NavixyException(ErrorCode.SessionNotFound);
        }

        return Unit.Value;
    }
}
