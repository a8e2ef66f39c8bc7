using Microsoft.Extensions.Options;
using Navixy.Panel.Application.Audit;
using Navixy.Panel.Application.Common.Interfaces;

namespace Navixy.Panel.Application.Housekeeping;

/// <summary>Security-log events older than <c>Audit:RetentionDays</c>: the only way an event ever leaves the log.</summary>
public sealed class ExpiredAuditEvents(IAuditEventRepository events, IOptions<AuditOptions> options) : IHousekeepingStep
{
    public string Table => "audit_events";

    public Task<int> PurgeBatchAsync(DateTime now, int batchSize, CancellationToken cancellationToken) =>
        events.DeleteOlderThanAsync(now - options.Value.Retention, batchSize, cancellationToken);
}
