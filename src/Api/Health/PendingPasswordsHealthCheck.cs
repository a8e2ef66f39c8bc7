using Microsoft.Extensions.Diagnostics.HealthChecks;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Infrastructure.Persistence;

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
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            var pending = await users.CountPendingPasswordsAsync(timeout.Token);
            return HealthCheckResult.Healthy(data: new Dictionary<string, object> { [Name] = pending });
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or OperationCanceledException || DatabaseFaults.Classify(ex) != DatabaseFault.None)
        {
            return HealthCheckResult.Healthy();
        }
    }
}
