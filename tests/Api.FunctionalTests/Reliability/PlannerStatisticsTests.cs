using System.Data.Common;
using Navixy.Panel.Api.FunctionalTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Navixy.Panel.Api.Management;
using Navixy.Panel.Application.Housekeeping;
using Navixy.Panel.Infrastructure.Persistence;

namespace Navixy.Panel.Api.FunctionalTests.Reliability;

/// <summary>
/// SQLite's statistics are refreshed (the tables <c>PRAGMA optimize</c> finds stale, under the write lock) when the
/// service starts and after each housekeeping pass, never by a management command, which runs beside the serving service and would keep its writers waiting. The search index's
/// own tables get none: FTS5 reaches them by key, and a row count taken while the index was small (the migration's
/// ANALYZE over no users) made SQLite scan the index's data for every merge of a write once it held a million users.
/// </summary>
[TestFixture("Sqlite")]
public sealed class PlannerStatisticsTests(string provider) : FunctionalTest(provider)
{
    [Test]
    public async Task ManagementCommand_LeavesAnUnanalysedIndexAsItIs()
    {
        await using var connection = DatabaseSnapshot.Connect(Factory);
        await connection.OpenAsync();
        await Execute(connection, "CREATE TABLE statistics_probe (x INTEGER); CREATE INDEX statistics_probe_x ON statistics_probe (x)");
        await Execute(connection, "WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 500) INSERT INTO statistics_probe SELECT n FROM s");
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var exit = await ManagementCommand.RunAsync(["dealer", "list", .. Factory.ConfigurationArguments], output, error);
            Assert.That(exit, Is.Zero, error.ToString());
            Assert.That(await Analysed(connection), Is.False, "the management command analysed the table");

            // What the service runs at its start analyses it: the probe is one the command would have analysed.
            await Factory.Services.RefreshDatabaseStatisticsAsync();
            Assert.That(await Analysed(connection), Is.True);
        }
        finally
        {
            await Execute(connection, "DROP TABLE statistics_probe; DELETE FROM sqlite_stat1 WHERE tbl = 'statistics_probe'");
        }
    }

    [Test]
    public async Task HousekeepingPass_AnalysesATableThatGrewTenfold_AndOnlyThen()
    {
        await using var connection = DatabaseSnapshot.Connect(Factory);
        await connection.OpenAsync();
        await Execute(connection, "CREATE TABLE statistics_probe (x INTEGER); CREATE INDEX statistics_probe_x ON statistics_probe (x)");
        try
        {
            await Execute(connection, "WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 500) INSERT INTO statistics_probe SELECT n FROM s");
            await Factory.Services.RefreshDatabaseStatisticsAsync();
            Assert.That(await RowsCounted(connection), Is.EqualTo(500));

            await Execute(connection, "WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 50) INSERT INTO statistics_probe SELECT n FROM s");
            await Factory.Services.GetRequiredService<Housekeeper>().RunAsync(CancellationToken.None);
            Assert.That(await RowsCounted(connection), Is.EqualTo(500), "a tenth more rows leaves the statistics as they are");

            await Execute(connection, "WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 10000) INSERT INTO statistics_probe SELECT n FROM s");
            await Factory.Services.GetRequiredService<Housekeeper>().RunAsync(CancellationToken.None);
            Assert.That(await RowsCounted(connection), Is.EqualTo(10_550));
            Assert.That(await SearchIndexStatistics(connection), Is.Zero, "the search index's tables stay without statistics");
        }
        finally
        {
            await Execute(connection, "DROP TABLE statistics_probe; DELETE FROM sqlite_stat1 WHERE tbl = 'statistics_probe'");
        }
    }

    [Test]
    public async Task ServiceStart_LeavesTheSearchIndexTablesToTheirKeys()
    {
        await using var connection = DatabaseSnapshot.Connect(Factory);
        await connection.OpenAsync();

        // FTS5's deletion of merged segments, which the migration's statistics (a data table of two rows) made a scan.
        const string segmentDeletion = "EXPLAIN QUERY PLAN DELETE FROM users_search_data WHERE id >= 5 AND id <= 9";
        Assert.That(await PlanOf(connection, segmentDeletion), Does.Contain("USING INTEGER PRIMARY KEY"));

        // Rows a full ANALYZE writes (as an operator may run one) are gone after the next start's refresh.
        await Execute(connection, "ANALYZE");
        Assert.That(await SearchIndexStatistics(connection), Is.Positive);
        await Factory.Services.RefreshDatabaseStatisticsAsync();
        Assert.That(await SearchIndexStatistics(connection), Is.Zero);
    }

    private static async Task<string> PlanOf(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var plan = new List<string>();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(reader.FieldCount - 1));
        }

        return string.Join('\n', plan);
    }

    private static async Task<long> SearchIndexStatistics(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl IN ('users_search_data', 'users_search_idx', 'users_search_docsize', 'users_search_config')";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The table's row count as its statistics record it (the first number of the table's own row).</summary>
    private static async Task<long> RowsCounted(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT stat FROM sqlite_stat1 WHERE tbl = 'statistics_probe' AND idx = 'statistics_probe_x'";
        var stat = (string?)await command.ExecuteScalarAsync();
        return stat is null ? 0 : long.Parse(stat.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<bool> Analysed(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = 'statistics_probe'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static async Task Execute(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
