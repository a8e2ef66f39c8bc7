using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Domain.Security;

namespace Navixy.Panel.Application.Housekeeping;

/// <summary>
/// Code checks and code mails older than the longest per-account window (a day): they no longer count against any
/// limit. The counted insert prunes only the subject it writes, so users who never come back would keep theirs.
/// </summary>
public sealed class StaleSecondFactorEvents(ISecondFactorEventRepository events) : IHousekeepingStep
{
    public string Table => "second_factor_events";

    public Task<int> PurgeBatchAsync(DateTime now, int batchSize, CancellationToken cancellationToken) =>
        events.DeleteOlderThanAsync(now - SecondFactorEvent.Retention, batchSize, cancellationToken);
}
