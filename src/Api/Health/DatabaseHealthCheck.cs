using Microsoft.Extensions.Diagnostics.HealthChecks;
using Navixy.Panel.Infrastructure.Persistence;

namespace Navixy.Panel.Api.Health;

/// <summary>The database answers within 5 seconds: <c>"database": "reachable"</c>, else unhealthy (503).</summary>
public sealed class DatabaseHealthCheck(PanelDbContext db) : IHealthCheck
{
    public const string Name = "database";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            return await db.Database.CanConnectAsync(timeout.Token) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy();
        }
        catch (Exception ex) when (ex is OperationCanceledException || DatabaseFaults.Classify(ex) != DatabaseFault.None)
        {
            return HealthCheckResult.Unhealthy();
        }
    }
}
