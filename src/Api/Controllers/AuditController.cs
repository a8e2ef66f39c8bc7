using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Navixy.Panel.Api.Auth;
using Navixy.Panel.Api.Protocol;
using Navixy.Panel.Application.Audit.Queries.ListAuditEvents;

namespace Navixy.Panel.Api.Controllers;

/// <summary>Parameters of <c>panel/audit/list</c>.</summary>
/// <param name="UserId">Only the events that concern this master user: its sign-ins, targets naming it, and its dealer's all and default changes.</param>
/// <param name="Actions">Only these actions, e.g. <c>["mfa.update","mfa.default.update"]</c>.</param>
/// <param name="From">Earliest time, <c>yyyy-MM-dd HH:mm:ss</c> UTC, inclusive.</param>
/// <param name="To">Latest time, <c>yyyy-MM-dd HH:mm:ss</c> UTC, inclusive.</param>
/// <param name="Offset">Default 0.</param>
/// <param name="Limit">Default 100, at most 1000.</param>
public sealed record ListAuditEventsRequest(long? UserId, IReadOnlyList<string?>? Actions, string? From, string? To, int? Offset, int? Limit);

/// <summary>The dealer's security log: <c>panel/audit/*</c>.</summary>
[Route("v2/panel/audit")]
public sealed class AuditController(IMediator mediator) : NavixyController(mediator)
{
    /// <summary>A page of the dealer's security-log events as <c>list</c>, newest first, and <c>count</c>, the total before paging.</summary>
    [NavixyAction("list")]
    [Authorize(NavixyPolicies.AuditRead)]
    public async Task<IActionResult> List([FromNavixy] ListAuditEventsRequest request, CancellationToken cancellationToken)
    {
        var result = await Mediator.Send(
            new ListAuditEventsQuery(PanelSession.DealerId, request.UserId, request.Actions, request.From, request.To, request.Offset, request.Limit),
            cancellationToken);
        return Success(new { list = result.List, count = result.Count });
    }
}
