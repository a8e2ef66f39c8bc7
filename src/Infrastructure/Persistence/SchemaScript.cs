using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Navixy.Panel.Infrastructure.Persistence;

/// <summary>
/// The SQL of every migration for one provider, from an empty database, for DBAs who run with
/// <c>Database:MigrateOnStartup=false</c>. Built offline: nothing connects to a server.
/// </summary>
public static class SchemaScript
{
    /// <summary>
    /// The SQL of every migration, or with <paramref name="fromMigration"/> (the id of a database's last applied one,
    /// one of <see cref="Migrations"/>) of those after it: the upgrade of that database.
    /// </summary>
    public static string For(DatabaseProvider provider, string? fromMigration = null)
    {
        using var db = OfflineContext(provider);
        return db.GetService<IMigrator>().GenerateScript(fromMigration);
    }

    /// <summary>Every migration's id (<c>20261122120000_InitialSchema</c>), oldest first; the same on every provider.</summary>
    public static IReadOnlyList<string> Migrations(DatabaseProvider provider)
    {
        using var db = OfflineContext(provider);
        return [.. db.GetService<IMigrationsAssembly>().Migrations.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>A context of the provider whose connection is never opened: for its model, migrations and SQL text.</summary>
    public static PanelDbContext OfflineContext(DatabaseProvider provider)
    {
        var options = new DbContextOptionsBuilder<PanelDbContext>();
        DependencyInjection.ConfigureProvider(options, new DatabaseOptions(provider, provider.OfflineConnectionString, false, Path.GetTempPath()));
        return new PanelDbContext(options.Options);
    }
}
