using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Navixy.Panel.Infrastructure.Storage;

namespace Navixy.Panel.Infrastructure.Persistence;

public static class DatabaseInitializer
{
    /// <summary>Applies pending migrations when configured and puts SQLite into WAL mode, its file owner-only.</summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<DatabaseOptions>();
        var db = scope.ServiceProvider.GetRequiredService<PanelDbContext>();
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            // SQLite would create the file with the umask's mode. An empty file is an empty database to it, and the
            // WAL and shared-memory files take the database file's mode, so creating it owner-only covers all three.
            var file = new SqliteConnectionStringBuilder(options.ConnectionString);
            if (file.Mode != SqliteOpenMode.Memory && file.DataSource is { Length: > 0 } path && path != ":memory:")
            {
                OwnerOnly.CreateFileIfMissing(Path.GetFullPath(path));
            }

            // WAL is a property of the file: readers no longer block the writer, and it persists across opens.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await db.Database.CloseConnectionAsync();
        }

        if (options.MigrateOnStartup)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
    }
}
