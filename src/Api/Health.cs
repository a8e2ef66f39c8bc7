using Navixy.Panel.Application.Common.Caching;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Application.Housekeeping;
using Navixy.Panel.Infrastructure.Persistence;

namespace Navixy.Panel.Api;

public static class Health
{
    /// <summary>
    /// <c>/health</c>: 200 when the database answers, 503 when it does not; also whether the read cache serves
    /// (<c>serving</c>), is paused because changes made elsewhere cannot be heard (<c>paused</c>: correct, slower), or
    /// is turned off (<c>off</c>); and when this instance's housekeeping last completed a pass and how many expired
    /// rows it removed (<c>last_run</c> null until the first pass, or always when housekeeping is off).
    /// <c>pending_passwords</c>: imported users whose password the background hashing has not reached yet.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", async (PanelDbContext db, DealerReadCache cache, HousekeepingOptions housekeepingOptions, HousekeepingStatus housekeeping, IUserRepository users, CancellationToken cancellationToken) =>
        {
            bool reachable;
            int? pendingPasswords = null;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                reachable = await db.Database.CanConnectAsync(timeout.Token);
                if (reachable)
                {
                    pendingPasswords = await users.CountPendingPasswordsAsync(timeout.Token);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException || DatabaseFaults.Classify(ex) != DatabaseFault.None)
            {
                reachable = false;
            }

            return Results.Json(
                new
                {
                    status = reachable ? "healthy" : "unhealthy",
                    database = reachable ? "reachable" : "unreachable",
                    read_cache = !cache.Enabled ? "off" : cache.Serving ? "serving" : "paused",
                    pending_passwords = pendingPasswords,
                    housekeeping = new
                    {
                        state = housekeepingOptions.Enabled ? "on" : "off",
                        last_run = housekeeping.Last?.FinishedAt,
                        removed = housekeeping.Last?.Removed ?? 0,
                    },
                },
                statusCode: reachable ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }).ExcludeFromDescription();
        return endpoints;
    }
}
