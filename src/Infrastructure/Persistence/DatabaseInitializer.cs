using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Navixy.Panel.Application.Common.Interfaces;

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

    /// <summary>
    /// Refreshes the planner's statistics before the service serves (and after each housekeeping pass), never from a
    /// management command: one running beside the service would hold SQLite's write lock while it analyses.
    /// </summary>
    public static async Task RefreshDatabaseStatisticsAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IPlannerStatistics>().RefreshAsync(cancellationToken);
    }
}
