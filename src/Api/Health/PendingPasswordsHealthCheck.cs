using Microsoft.Extensions.Diagnostics.HealthChecks;
using Navixy.Panel.Application.Common.Interfaces;

namespace Navixy.Panel.Api.Health;

/// <summary>
/// <c>pending_passwords</c>: imported users whose password the background hashing has not reached yet. Never
/// unhealthy; null while the database cannot be read (health is the database check's).
/// </summary>
public sealed class PendingPasswordsHealthCheck(IUserRepository users) : IHealthCheck
{
    public const string Name = "pending_passwords";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (answered, pending) = await DatabaseProbe.TryAsync(users.CountPendingPasswordsAsync, cancellationToken);
        return answered ? HealthCheckResult.Healthy(data: new Dictionary<string, object> { [Name] = pending }) : HealthCheckResult.Healthy();
    }
}
