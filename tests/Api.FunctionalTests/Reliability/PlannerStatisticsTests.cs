using System.Data.Common;
using Navixy.Panel.Api.FunctionalTests.Support;
using Navixy.Panel.Api.Management;

namespace Navixy.Panel.Api.FunctionalTests.Reliability;

/// <summary>
/// SQLite's statistics are refreshed (<c>PRAGMA optimize</c>, under the write lock) when the service starts, never by
/// a management command, which runs beside the serving service and would keep its writers waiting.
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
            await Execute(connection, "PRAGMA analysis_limit=400; PRAGMA optimize=0x10002;");
            Assert.That(await Analysed(connection), Is.True);
        }
        finally
        {
            await Execute(connection, "DROP TABLE statistics_probe; DELETE FROM sqlite_stat1 WHERE tbl = 'statistics_probe'");
        }
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
