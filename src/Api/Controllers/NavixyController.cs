using MediatR;
using Microsoft.AspNetCore.Mvc;
using Navixy.Panel.Api.Auth;
using Navixy.Panel.Application.Common.Interfaces;

namespace Navixy.Panel.Api.Controllers;

/// <summary>Base of every Navixy controller: the mediator and the caller's session. Actions return an <c>INavixyReply</c>.</summary>
[ApiController]
[Produces("application/json")]
public abstract class NavixyController(IMediator mediator) : ControllerBase
{
    protected IMediator Mediator => mediator;

    protected PanelSessionInfo PanelSession => PanelAuthenticationHandler.SessionOf(HttpContext);
}
