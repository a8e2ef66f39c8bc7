using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Navixy.Panel.Infrastructure.Persistence;

public static class DatabaseInitializer
{
    /// <summary>Applies pending migrations when configured and puts SQLite into WAL mode.</summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<DatabaseOptions>();
        var db = scope.ServiceProvider.GetRequiredService<PanelDbContext>();
        if (options.Provider == DatabaseProvider.Sqlite)
        {
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
