using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Navixy.Panel.Api.Health;

/// <summary>
/// <c>/health</c> through ASP.NET Core health checks: 200 when the database answers, 503 when it does not, with the
/// read cache's state, this instance's housekeeping, the notification outbox's backlog and the passwords still to hash
/// (see the checks in <c>src/Api/Health</c>).
/// </summary>
public static class HealthEndpoint
{
    public const string Path = "/health";

    public static IServiceCollection AddNavixyHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>(DatabaseHealthCheck.Name)
            .AddCheck<ReadCacheHealthCheck>(ReadCacheHealthCheck.Name)
            .AddCheck<HousekeepingHealthCheck>(HousekeepingHealthCheck.Name)
            .AddCheck<OutboxHealthCheck>(OutboxHealthCheck.Name)
            .AddCheck<PendingPasswordsHealthCheck>(PendingPasswordsHealthCheck.Name);
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(Path, new HealthCheckOptions
        {
            ResponseWriter = HealthReply.WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).WithMetadata(new HttpMethodMetadata([HttpMethods.Get]));
        return endpoints;
    }
}
