using Navixy.Panel.Domain.Audit;

namespace Navixy.Panel.Application.Common.Interfaces;

/// <summary>A page of events, newest first, and the total before paging.</summary>
public sealed record AuditEventPage(IReadOnlyList<AuditEvent> Events, int Count);
