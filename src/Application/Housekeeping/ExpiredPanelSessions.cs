using Navixy.Panel.Application.Common.Interfaces;

namespace Navixy.Panel.Application.Housekeeping;

/// <summary>Panel sessions past their fixed lifetime.</summary>
public sealed class ExpiredPanelSessions(IPanelSessionRepository sessions) : IHousekeepingStep
{
    public string Table => "panel_sessions";

    public Task<int> PurgeBatchAsync(DateTime now, int batchSize, CancellationToken cancellationToken) =>
        sessions.DeleteExpiredAsync(now, batchSize, cancellationToken);
}
