using Navixy.Panel.Application.Common.Caching;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Application.Housekeeping;
using Navixy.Panel.Application.Notifications;
using Navixy.Panel.Infrastructure.Persistence;

namespace Navixy.Panel.Api;

public static class Health
{
    /// <summary>
    /// <c>/health</c>: 200 when the database answers, 503 when it does not; also whether the read cache serves
    /// (<c>serving</c>), is paused because changes made elsewhere cannot be heard (<c>paused</c>: correct, slower), or
    /// is turned off (<c>off</c>); and when this instance's housekeeping last completed a pass and how many expired
    /// rows it removed (<c>last_run</c> null until the first pass, or always when housekeeping is off); and the
    /// notification outbox's backlog: batches not yet fully mailed and the age of the oldest (null when none).
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", async (
            PanelDbContext db,
            DealerReadCache cache,
            HousekeepingOptions housekeepingOptions,
            HousekeepingStatus housekeeping,
            INotificationOutbox outbox,
            TimeProvider clock,
            CancellationToken cancellationToken) =>
        {
            bool reachable;
            OutboxBacklog? backlog = null;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                reachable = await db.Database.CanConnectAsync(timeout.Token);
                backlog = reachable ? await ReadBacklogAsync(outbox, timeout.Token) : null;
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
                    housekeeping = new
                    {
                        state = housekeepingOptions.Enabled ? "on" : "off",
                        last_run = housekeeping.Last?.FinishedAt,
                        removed = housekeeping.Last?.Removed ?? 0,
                    },
                    // Null while the database or the outbox table cannot be read.
                    notifications = backlog is null ? null : new
                    {
                        pending_batches = backlog.PendingBatches,
                        oldest_pending_seconds = backlog.OldestChangedAt is { } oldest
                            ? Math.Max(0, (long)(clock.GetUtcNow().UtcDateTime - oldest).TotalSeconds)
                            : (long?)null,
                    },
                },
                statusCode: reachable ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }).ExcludeFromDescription();
        return endpoints;
    }

    // A database that answers but cannot give the backlog (not migrated yet, say) leaves it unknown; health is
    // still the connection's.
    private static async Task<OutboxBacklog?> ReadBacklogAsync(INotificationOutbox outbox, CancellationToken cancellationToken)
    {
        try
        {
            return await outbox.BacklogAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or OperationCanceledException || DatabaseFaults.Classify(ex) != DatabaseFault.None)
        {
            return null;
        }
    }
}
