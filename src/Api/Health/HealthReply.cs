using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Navixy.Panel.Api.Protocol;

namespace Navixy.Panel.Api.Health;

/// <summary>The body of <c>/health</c>, written from the checks' report.</summary>
public sealed record HealthReply(string Status, string Database, string ReadCache, int? PendingPasswords, HousekeepingHealth Housekeeping, OutboxHealth? Notifications)
{
    public static HealthReply From(HealthReport report)
    {
        var reachable = report.Entries.TryGetValue(DatabaseHealthCheck.Name, out var database) && database.Status == HealthStatus.Healthy;
        var readCache = report.Entries.TryGetValue(ReadCacheHealthCheck.Name, out var cache) ? cache.Data[ReadCacheHealthCheck.Name] as string : null;
        var housekeeping = report.Entries.TryGetValue(HousekeepingHealthCheck.Name, out var pass) ? pass.Data[HousekeepingHealthCheck.Name] as HousekeepingHealth : null;
        // Null while the database or the outbox table cannot be read.
        var outbox = reachable && report.Entries.TryGetValue(OutboxHealthCheck.Name, out var backlog) && backlog.Data.TryGetValue(OutboxHealthCheck.Name, out var data)
            ? data as OutboxHealth
            : null;
        var pendingPasswords = reachable && report.Entries.TryGetValue(PendingPasswordsHealthCheck.Name, out var hashing)
            && hashing.Data.TryGetValue(PendingPasswordsHealthCheck.Name, out var pending)
                ? pending as int?
                : null;
        return new HealthReply(
            reachable ? "healthy" : "unhealthy",
            reachable ? "reachable" : "unreachable",
            readCache ?? "off",
            pendingPasswords,
            housekeeping ?? new HousekeepingHealth("off", null, 0),
            outbox);
    }

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, From(report), NavixyJson.Options, context.RequestAborted);
    }
}
