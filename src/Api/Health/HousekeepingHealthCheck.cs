using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Navixy.Panel.Application.Housekeeping;

namespace Navixy.Panel.Api.Health;

/// <summary>
/// This instance's housekeeping: on or off, when its last pass completed and how many expired rows it removed
/// (<c>last_run</c> null until the first pass, or always when housekeeping is off). Never unhealthy.
/// </summary>
public sealed class HousekeepingHealthCheck(IOptions<HousekeepingOptions> options, HousekeepingStatus status) : IHealthCheck
{
    public const string Name = "housekeeping";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var last = status.Last;
        var reply = new HousekeepingHealth(options.Value.Enabled ? "on" : "off", last?.FinishedAt, last?.Removed ?? 0);
        return Task.FromResult(HealthCheckResult.Healthy(data: new Dictionary<string, object> { [Name] = reply }));
    }
}
