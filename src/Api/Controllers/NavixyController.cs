using MediatR;
using Microsoft.AspNetCore.Mvc;
using Navixy.Panel.Api.Auth;
using Navixy.Panel.Api.Protocol;
using Navixy.Panel.Application.Common.Interfaces;

namespace Navixy.Panel.Api.Controllers;

/// <summary>Base of every Navixy controller: the mediator, the caller's session and the success envelope.</summary>
[ApiController]
[Produces("application/json")]
public abstract class NavixyController(IMediator mediator) : ControllerBase
{
    protected IMediator Mediator => mediator;

    protected PanelSessionInfo PanelSession => PanelAuthenticationHandler.SessionOf(HttpContext);

    protected static NavixyResult Success(object? payload = null) => new(payload);
}
