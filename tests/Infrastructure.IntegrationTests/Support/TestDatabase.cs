using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Navixy.Panel.Infrastructure.Persistence;

namespace Navixy.Panel.Infrastructure.IntegrationTests.Support;

/// <summary>
/// A fresh, empty database of one provider: a SQLite file in a temp folder, or a new database on the PostgreSQL
/// server named by NAVIXY_TEST_POSTGRES (started by scripts/test.sh). Dropped on dispose.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string? _server;
    private readonly string? _name;
    private readonly string? _folder;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? server, string? name, string? folder)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _server = server;
        _name = name;
        _folder = folder;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public static TestDatabase Create(string provider)
    {
        if (provider == "Sqlite")
        {
            var folder = Path.Combine(Path.GetTempPath(), "navixy-it-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            var connection = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "panel.db"), Pooling = false }.ToString();
            return new TestDatabase(DatabaseProvider.Sqlite, connection, null, null, folder);
        }

        var server = Environment.GetEnvironmentVariable("NAVIXY_TEST_POSTGRES");
        if (string.IsNullOrEmpty(server))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail("NAVIXY_TEST_POSTGRES is not set: run the tests through scripts/test.sh");
            }

            Assert.Ignore("No PostgreSQL server: run the tests through scripts/test.sh");
        }

        var name = "navixy_it_" + Guid.NewGuid().ToString("N");
        Execute(server!, $"CREATE DATABASE \"{name}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new TestDatabase(DatabaseProvider.Postgres, connectionString, server, name, null);
    }

    public PanelDbContext NewContext(params IInterceptor[] interceptors)
    {
        var builder = new DbContextOptionsBuilder<PanelDbContext>();
        DependencyInjection.ConfigureProvider(builder, new DatabaseOptions(Provider, ConnectionString, true, _folder ?? Path.GetTempPath()));
        builder.AddInterceptors(interceptors);
        return new PanelDbContext(builder.Options);
    }

    public void Dispose()
    {
        if (_name is not null)
        {
            NpgsqlConnection.ClearAllPools();
            Execute(_server!, $"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
        }

        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static void Execute(string server, string sql)
    {
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
