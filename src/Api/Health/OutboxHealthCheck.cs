using Microsoft.Extensions.Diagnostics.HealthChecks;
using Navixy.Panel.Application.Common.Interfaces;

namespace Navixy.Panel.Api.Health;

/// <summary>
/// The notification outbox's backlog. Never unhealthy: a database that answers but cannot give the backlog (not
/// migrated yet, say) leaves it unknown (<c>"notifications": null</c>); health is the database check's.
/// </summary>
public sealed class OutboxHealthCheck(INotificationOutbox outbox, TimeProvider clock) : IHealthCheck
{
    public const string Name = "notifications";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (answered, backlog) = await DatabaseProbe.TryAsync(outbox.BacklogAsync, cancellationToken);
        if (!answered)
        {
            return HealthCheckResult.Healthy();
        }

        var oldest = backlog.OldestChangedAt is { } at ? Math.Max(0, (long)(clock.GetUtcNow().UtcDateTime - at).TotalSeconds) : (long?)null;
        return HealthCheckResult.Healthy(data: new Dictionary<string, object> { [Name] = new OutboxHealth(backlog.PendingBatches, oldest) });
    }
}
