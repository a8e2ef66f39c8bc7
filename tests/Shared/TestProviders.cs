using System.Data.Common;
using Microsoft.Data.SqlClient;
using Navixy.Panel.Infrastructure.Persistence;
using Npgsql;

namespace Navixy.Panel.TestSupport;

/// <summary>
/// The providers the database suites run on (<c>[TestFixtureSource(typeof(TestProviders), nameof(TestProviders.All))]</c>)
/// and a fresh database on each server provider's test server, named by an environment variable: PostgreSQL's is
/// started by scripts/test.sh (missing under CI fails the run), SQL Server's is given by hand (missing skips its
/// fixtures). Shared by the functional and integration suites; a new provider is one entry in <see cref="Servers"/>.
/// </summary>
public static class TestProviders
{
    private static readonly Dictionary<string, TestServer> Servers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Postgres"] = new("NAVIXY_TEST_POSTGRES", RequiredUnderCi: true, CreatePostgres, DropPostgres),
        ["SqlServer"] = new("SQLSERVER_CONNECTION_STRING", RequiredUnderCi: false, CreateSqlServer, DropSqlServer),
    };

    public static IEnumerable<string> All => DatabaseProvider.All.Select(p => p.Name);

    /// <summary>The test server's connection string of a server provider; ignores the test when it is not configured.</summary>
    public static string Server(string provider)
    {
        var server = Servers[provider];
        var connectionString = Environment.GetEnvironmentVariable(server.Variable);
        if (!string.IsNullOrEmpty(connectionString))
        {
            return connectionString;
        }

        if (server.RequiredUnderCi && Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail($"{server.Variable} is not set: run the tests through scripts/test.sh");
        }

        Assert.Ignore($"No {provider} server: set {server.Variable} (see the README)");
        return string.Empty;
    }

    /// <summary>Creates an empty database <paramref name="name"/> on the server; returns its connection string.</summary>
    public static string CreateDatabase(string provider, string server, string name) => Servers[provider].Create(server, name);

    public static void DropDatabase(string provider, string server, string name) => Servers[provider].Drop(server, name);

    private static string CreatePostgres(string server, string name)
    {
        Execute(new NpgsqlConnection(server), $"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    private static void DropPostgres(string server, string name)
    {
        NpgsqlConnection.ClearAllPools();
        Execute(new NpgsqlConnection(server), $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static string CreateSqlServer(string server, string name)
    {
        Execute(new SqlConnection(server), $"CREATE DATABASE [{name}]");
        return new SqlConnectionStringBuilder(server) { InitialCatalog = name }.ConnectionString;
    }

    private static void DropSqlServer(string server, string name)
    {
        SqlConnection.ClearAllPools();
        Execute(new SqlConnection(server), $"IF DB_ID(N'{name}') IS NOT NULL BEGIN ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{name}]; END");
    }

    private static void Execute(DbConnection connection, string sql)
    {
        using (connection)
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }

    private sealed record TestServer(string Variable, bool RequiredUnderCi, Func<string, string, string> Create, Action<string, string> Drop);
}
