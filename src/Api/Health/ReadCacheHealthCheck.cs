using Microsoft.Extensions.Diagnostics.HealthChecks;
using Navixy.Panel.Application.Common.Caching;

namespace Navixy.Panel.Api.Health;

/// <summary>
/// Whether the read cache serves (<c>serving</c>), is paused because changes made elsewhere cannot be heard
/// (<c>paused</c>: correct, slower) or is turned off (<c>off</c>). Never unhealthy: reads go to the database.
/// </summary>
public sealed class ReadCacheHealthCheck(DealerReadCache cache) : IHealthCheck
{
    public const string Name = "read_cache";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = !cache.Enabled ? "off" : cache.Serving ? "serving" : "paused";
        return Task.FromResult(HealthCheckResult.Healthy(data: new Dictionary<string, object> { [Name] = state }));
    }
}
