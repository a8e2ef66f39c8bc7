using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Navixy.Panel.Infrastructure.Persistence;

public static class DatabaseInitializer
{
    /// <summary>Applies the provider's start-up settings (SQLite: its file owner-only, WAL mode), then pending migrations when configured.</summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<DatabaseOptions>();
        var db = scope.ServiceProvider.GetRequiredService<PanelDbContext>();
        await options.Provider.InitializeAsync(db, cancellationToken);

        if (options.MigrateOnStartup)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
    }
}
