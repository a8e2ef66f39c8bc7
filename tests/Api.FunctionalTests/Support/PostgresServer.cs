using Npgsql;

namespace Navixy.Panel.Api.FunctionalTests.Support;

/// <summary>The PostgreSQL server of the test run, from NAVIXY_TEST_POSTGRES.</summary>
public static class PostgresServer
{
    public static string ConnectionString()
    {
        var connectionString = Environment.GetEnvironmentVariable("NAVIXY_TEST_POSTGRES");
        if (!string.IsNullOrEmpty(connectionString))
        {
            return connectionString;
        }

        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail("NAVIXY_TEST_POSTGRES is not set: run the tests through scripts/test.sh");
        }

        Assert.Ignore("No PostgreSQL server: run the tests through scripts/test.sh");
        return string.Empty;
    }

    public static void CreateDatabase(string server, string database) => Execute(server, $"CREATE DATABASE \"{database}\"");

    public static void DropDatabase(string server, string database) => Execute(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");

    private static void Execute(string server, string sql)
    {
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
