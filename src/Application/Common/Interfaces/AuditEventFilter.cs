namespace Navixy.Panel.Application.Common.Interfaces;

/// <summary>What <c>panel/audit/list</c> selects: a dealer's events, optionally of one user, some actions, a time range.</summary>
public sealed record AuditEventFilter(long DealerId, long? UserId, IReadOnlyCollection<string>? Actions, DateTime? From, DateTime? To);
