using Microsoft.Extensions.Diagnostics.HealthChecks;
using Navixy.Panel.Infrastructure.Persistence;

namespace Navixy.Panel.Api.Health;

/// <summary>The database answers within 5 seconds: <c>"database": "reachable"</c>, else unhealthy (503).</summary>
public sealed class DatabaseHealthCheck(PanelDbContext db) : IHealthCheck
{
    public const string Name = "database";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (answered, reachable) = await DatabaseProbe.TryAsync(db.Database.CanConnectAsync, cancellationToken);
        return answered && reachable ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy();
    }
}
