using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Navixy.Panel.Api.Auth;
using Navixy.Panel.Api.Controllers.Replies;
using Navixy.Panel.Api.OpenApi;
using Navixy.Panel.Api.Protocol;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Panel.Commands.AuthenticatePanelAccount;
using Navixy.Panel.Application.Panel.Commands.LogoutPanelSession;
using Navixy.Panel.Application.Panel.Queries.GetPanelPermissions;

namespace Navixy.Panel.Api.Controllers;

/// <summary>Panel sessions: <c>panel/account/*</c>.</summary>
[Route("v2/panel/account")]
public sealed class PanelAccountController(IMediator mediator) : NavixyController(mediator)
{
    /// <summary>Opens a panel session; returns its <c>hash</c> (valid 24 hours) and the account's <c>permissions</c>.</summary>
    [NavixyAction("auth")]
    [NavixyErrors(ErrorCode.DealerNotFound, ErrorCode.AccessDenied)]
    [AllowAnonymous]
    public async Task<PanelAuthReply> Auth([FromNavixy] PanelAuthRequest request, CancellationToken cancellationToken)
    {
        var result = await Mediator.Send(new AuthenticatePanelAccountCommand(request.Login, request.Password), cancellationToken);
        return new PanelAuthReply(result.Hash, result.Permissions.ToCategoryMap());
    }

    /// <summary>Ends the presented panel session at once.</summary>
    [NavixyAction("logout")]
    [Authorize(NavixyPolicies.PanelSession)]
    public async Task<SuccessReply> Logout(CancellationToken cancellationToken)
    {
        await Mediator.Send(new LogoutPanelSessionCommand(PanelSession.SessionId), cancellationToken);
        return SuccessReply.Instance;
    }

    /// <summary>The permissions of the session's account.</summary>
    [NavixyAction("get_permissions")]
    [Authorize(NavixyPolicies.PanelSession)]
    public async Task<PanelPermissionsReply> GetPermissions(CancellationToken cancellationToken)
    {
        var permissions = await Mediator.Send(new GetPanelPermissionsQuery(PanelSession), cancellationToken);
        return new PanelPermissionsReply(permissions.ToCategoryMap());
    }
}
