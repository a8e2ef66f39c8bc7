using MediatR;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Domain.Panel;

namespace Navixy.Panel.Application.Panel.Queries.GetPanelPermissions;

/// <summary><c>panel/account/get_permissions</c>: the permissions of the session's account.</summary>
public sealed record GetPanelPermissionsQuery(PanelSessionInfo Session) : IRequest<PanelPermissions>;

public sealed class GetPanelPermissionsQueryHandler : IRequestHandler<GetPanelPermissionsQuery, PanelPermissions>
{
    // The session was resolved with its account's current permissions on this very request.
    public Task<PanelPermissions> Handle(GetPanelPermissionsQuery request, CancellationToken cancellationToken) =>
        Task.FromResult(request.Session.Permissions);
}
