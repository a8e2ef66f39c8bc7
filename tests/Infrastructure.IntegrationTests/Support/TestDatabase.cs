using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Navixy.Panel.Infrastructure.Persistence;
using Navixy.Panel.TestSupport;

namespace Navixy.Panel.Infrastructure.IntegrationTests.Support;

/// <summary>
/// A fresh, empty database of one provider: a SQLite file in a temp folder, or a new database on the provider's
/// test server (<see cref="TestProviders"/>). Dropped on dispose.
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

    public static TestDatabase Create(string providerName)
    {
        var provider = DatabaseProvider.Named(providerName);
        if (provider.OwnsAllChanges)
        {
            var folder = Path.Combine(Path.GetTempPath(), "navixy-it-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            var connection = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "panel.db"), Pooling = false }.ToString();
            return new TestDatabase(provider, connection, null, null, folder);
        }

        var server = TestProviders.Server(provider.Name);
        var name = "navixy_it_" + Guid.NewGuid().ToString("N");
        return new TestDatabase(provider, TestProviders.CreateDatabase(provider.Name, server, name), server, name, null);
    }

    /// <summary>The service's view of this database, as repositories take it.</summary>
    public DatabaseOptions Options => new(Provider, ConnectionString, true, _folder ?? Path.GetTempPath());

    public PanelDbContext NewContext(params IInterceptor[] interceptors)
    {
        var builder = new DbContextOptionsBuilder<PanelDbContext>();
        DependencyInjection.ConfigureProvider(builder, Options);
        // A query EF warns of at run time (a row limit without an order) fails the test that runs it.
        builder.ConfigureWarnings(w => w.Throw(CoreEventId.RowLimitingOperationWithoutOrderByWarning));
        builder.AddInterceptors(interceptors);
        return new PanelDbContext(builder.Options);
    }

    public void Dispose()
    {
        if (_name is not null)
        {
            TestProviders.DropDatabase(Provider.Name, _server!, _name);
        }

        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
    }
}
