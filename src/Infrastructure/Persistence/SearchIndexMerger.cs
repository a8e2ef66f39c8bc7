using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Navixy.Panel.Infrastructure.Persistence;

/// <summary>
/// SQLite: keeps the substring index (<c>users_search</c>, FTS5) merged, in small steps of its own between the
/// service's writes. FTS5 merges its segments a little at every statement that writes to it, so after a bulk fill
/// the first writes (an upload's thousands of inserts in one transaction) inherited the merge of the whole index and
/// held the write lock past the other writers' 30 s busy timeout. The index merges nothing inline any more
/// (<c>automerge</c> 0, migration <c>SearchIndexMergedInBackground</c>): this is where it is merged. See
/// <c>docs/decisions.md</c>, "User search".
/// </summary>
internal sealed class SearchIndexMerger(DatabaseOptions database, ILogger<SearchIndexMerger> logger, TimeProvider clock) : BackgroundService
{
    /// <summary>How often the index is looked at; a look that finds nothing to merge writes nothing.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <summary>Between two steps, so writers waiting for the lock go first.</summary>
    public static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(200);

    // A negative page count merges at any level, not only where usermerge segments have gathered (FTS5 "merge").
    private const string MergeStep = "INSERT INTO users_search(users_search, rank) VALUES ('merge', -500)";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
                await MergeAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
            {
                // Busy past the timeout, or the index not there yet (before the migration): the next look retries.
                logger.LogDebug(ex, "Search index merge skipped");
            }
        }
    }

    /// <summary>Merges until a step finds nothing left to do; returns the steps that did some work.</summary>
    public async Task<int> MergeAsync(CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var steps = 0;
        // FTS5's own measure: a step that changed fewer than two rows of the index did no work.
        while (await StepAsync(connection, cancellationToken) >= 2)
        {
            steps++;
            await Task.Delay(Pause, clock, cancellationToken);
        }

        return steps;
    }

    private static async Task<long> StepAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT total_changes(); {MergeStep}; SELECT total_changes();";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var before = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.GetInt64(0) - before;
    }
}
