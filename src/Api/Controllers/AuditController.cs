using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Navixy.Panel.Api.Auth;
using Navixy.Panel.Api.Controllers.Replies;
using Navixy.Panel.Api.Protocol;
using Navixy.Panel.Application.Audit.Queries.ListAuditEvents;
using Navixy.Panel.Application.Common;

namespace Navixy.Panel.Api.Controllers;

/// <summary>The dealer's security log: <c>panel/audit/*</c>.</summary>
[Route("v2/panel/audit")]
public sealed class AuditController(IMediator mediator) : NavixyController(mediator)
{
    /// <summary>A page of the dealer's security-log events as <c>list</c>, newest first, and <c>count</c>, the total before paging.</summary>
    [NavixyAction("list")]
    [NavixyExtension]
    [Authorize(NavixyPolicies.AuditRead)]
    public async Task<AuditListReply> List([FromNavixy] ListAuditEventsRequest request, CancellationToken cancellationToken)
    {
        var result = await Mediator.Send(
            new ListAuditEventsQuery(PanelSession.DealerId, request.UserId, request.Actions, request.From, request.To, request.Offset, request.Limit),
            cancellationToken);
        return new AuditListReply(result.List, result.Count);
    }
}
