using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Navixy.Panel.Infrastructure.Persistence;
using Navixy.Panel.TestSupport;

namespace Navixy.Panel.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// A migration that has shipped never changes what it does. Some migrations run statements the providers build
/// (the search index, its triggers), so an edit of a provider could silently rewrite an applied migration: each
/// migration's SQL, for every provider and without a server, must equal the copy kept in <c>MigrationScripts/</c>.
/// A new migration's copy is written by a run with <c>NAVIXY_WRITE_MIGRATION_SCRIPTS=1</c>; a changed one means the
/// change belongs in a new migration.
/// </summary>
[TestFixtureSource(typeof(TestProviders), nameof(TestProviders.All))]
public sealed class MigrationScriptsTests(string provider)
{
    [Test]
    public void EveryMigration_RunsTheStatementsItShippedWith()
    {
        using var db = SchemaScript.OfflineContext(DatabaseProvider.Named(provider));
        var migrator = db.GetService<IMigrator>();
        var migrations = SchemaScript.Migrations(DatabaseProvider.Named(provider));
        var folder = Path.Combine(SourceFolder(), "MigrationScripts", provider);
        var write = Environment.GetEnvironmentVariable("NAVIXY_WRITE_MIGRATION_SCRIPTS") == "1";

        Assert.Multiple(() =>
        {
            string? previous = null;
            foreach (var migration in migrations)
            {
                // The history row names the EF version that wrote it: not part of what the migration does.
                var script = migrator.GenerateScript(previous ?? Migration.InitialDatabase, migration)
                    .Replace(ProductInfo.GetVersion(), "<ef-version>", StringComparison.Ordinal)
                    .ReplaceLineEndings("\n");
                var kept = Path.Combine(folder, migration + ".sql");
                if (write && !File.Exists(kept))
                {
                    Directory.CreateDirectory(folder);
                    File.WriteAllText(kept, script);
                }

                Assert.That(File.Exists(kept), Is.True, $"{kept} is missing: run with NAVIXY_WRITE_MIGRATION_SCRIPTS=1 to keep a new migration's SQL");
                if (File.Exists(kept))
                {
                    Assert.That(script, Is.EqualTo(File.ReadAllText(kept).ReplaceLineEndings("\n")), $"{migration} on {provider} no longer runs what it shipped with: put the change in a new migration");
                }

                previous = migration;
            }
        });
    }

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
