using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Navixy.Panel.Application.Common.Interfaces;

namespace Navixy.Panel.Application.Housekeeping;

/// <summary>
/// One housekeeping pass: each <see cref="IHousekeepingStep"/> in turn removes its dead rows in batches of at most
/// <see cref="HousekeepingOptions.BatchSize"/>, pausing between batches, until a batch comes back short. Safe to run
/// on several instances at once: a batch is one idempotent statement, and a row another instance removed first is
/// simply not counted here. The planner's statistics are refreshed after it. See <c>docs/decisions.md</c>, "Housekeeping".
/// </summary>
public sealed class Housekeeper(
    IServiceScopeFactory scopes,
    IOptions<HousekeepingOptions> options,
    HousekeepingStatus status,
    TimeProvider clock,
    ILogger<Housekeeper> logger)
{
    /// <summary>Runs one pass; returns the rows removed per table.</summary>
    public async Task<IReadOnlyDictionary<string, int>> RunAsync(CancellationToken cancellationToken)
    {
        var startedAt = clock.GetTimestamp();
        // One cut-off for the whole pass, so rows that die meanwhile wait for the next pass and the pass always ends.
        var now = clock.GetUtcNow().UtcDateTime;
        var removed = new Dictionary<string, int>();
        await using var scope = scopes.CreateAsyncScope();
        foreach (var step in scope.ServiceProvider.GetServices<IHousekeepingStep>())
        {
            var total = 0;
            while (true)
            {
                var batch = await step.PurgeBatchAsync(now, options.Value.BatchSize, cancellationToken);
                total += batch;
                if (batch < options.Value.BatchSize)
                {
                    break;
                }

                // Lets requests waiting for the table (SQLite's single writer above all) in between two batches.
                await Task.Delay(options.Value.Pause, clock, cancellationToken);
            }

            removed[step.Table] = total;
        }

        var sum = removed.Values.Sum(n => (long)n);
        status.Record(clock.GetUtcNow().UtcDateTime, sum);
        logger.LogInformation(
            "Housekeeping removed {Removed} rows in {ElapsedMs:F0} ms ({Tables})",
            sum,
            clock.GetElapsedTime(startedAt).TotalMilliseconds,
            string.Join(", ", removed.Select(r => $"{r.Key} {r.Value}")));

        // The pass changed row counts, and so may the requests since the last one (a large upload, say).
        await scope.ServiceProvider.GetRequiredService<IPlannerStatistics>().RefreshAsync(cancellationToken);
        return removed;
    }
}
