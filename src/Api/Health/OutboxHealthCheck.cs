using Microsoft.Extensions.Diagnostics.HealthChecks;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Infrastructure.Persistence;

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
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            var backlog = await outbox.BacklogAsync(timeout.Token);
            var oldest = backlog.OldestChangedAt is { } at ? Math.Max(0, (long)(clock.GetUtcNow().UtcDateTime - at).TotalSeconds) : (long?)null;
            return HealthCheckResult.Healthy(data: new Dictionary<string, object> { [Name] = new OutboxHealth(backlog.PendingBatches, oldest) });
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or OperationCanceledException || DatabaseFaults.Classify(ex) != DatabaseFault.None)
        {
            return HealthCheckResult.Healthy();
        }
    }
}
