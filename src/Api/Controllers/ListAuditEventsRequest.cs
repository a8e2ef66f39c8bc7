namespace Navixy.Panel.Api.Controllers;

/// <summary>Parameters of <c>panel/audit/list</c>.</summary>
/// <param name="UserId">Only the events that concern this master user: its sign-ins, targets naming it, and its dealer's all and default changes.</param>
/// <param name="Actions">Only these actions, e.g. <c>["mfa.update","mfa.default.update"]</c>.</param>
/// <param name="From">Earliest time, <c>yyyy-MM-dd HH:mm:ss</c> UTC, inclusive.</param>
/// <param name="To">Latest time, <c>yyyy-MM-dd HH:mm:ss</c> UTC, inclusive.</param>
/// <param name="Offset">Default 0.</param>
/// <param name="Limit">Default 100, at most 1000.</param>
public sealed record ListAuditEventsRequest(long? UserId, IReadOnlyList<string?>? Actions, string? From, string? To, int? Offset, int? Limit);
