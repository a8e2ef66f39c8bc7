using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Navixy.Panel.Infrastructure.IntegrationTests.Support;
using Navixy.Panel.Infrastructure.Persistence;
using Navixy.Panel.TestSupport;

namespace Navixy.Panel.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// The hand-written migrations must build exactly the schema the model describes: the catalog after
/// <c>Migrate()</c> equals the catalog after <c>EnsureCreated()</c>, table by table.
/// </summary>
[TestFixtureSource(typeof(TestProviders), nameof(TestProviders.All))]
public sealed class SchemaParityTests(string provider)
{
    [Test]
    public async Task Migrations_BuildTheSchemaOfTheModel()
    {
        using var migrated = await MigratedAsync();
        using var created = TestDatabase.Create(provider);
        await using (var db = created.NewContext())
        {
            await db.Database.EnsureCreatedAsync();
        }

        var fromMigrations = await CatalogOf(migrated);
        Assert.That(fromMigrations, Is.Not.Empty);
        AssertSame(await CatalogOf(created), "model", fromMigrations, "migrations");
    }

    /// <summary>
    /// <c>database script</c> is for DBAs who run it themselves: printed as it is, it must run in one go and build
    /// what <c>Migrate()</c> builds, the provider's search index and triggers included; with <c>--from</c> the last
    /// migration a database has, it upgrades that database.
    /// </summary>
    [TestCase(null)]
    [TestCase("20261201140000_LoginFailureAgeIndex")]
    public async Task Script_BuildsTheSchemaOfTheMigrations(string? fromMigration)
    {
        using var migrated = await MigratedAsync();
        using var scripted = await MigratedAsync(fromMigration ?? Migration.InitialDatabase);
        var script = SchemaScript.For(scripted.Provider, fromMigration);
        await using (var db = scripted.NewContext())
        {
            // SQL Server's script separates its batches with GO, a line of its own that no driver runs.
            foreach (var batch in Regex.Split(script, @"^\s*GO\s*$", RegexOptions.Multiline).Where(b => !string.IsNullOrWhiteSpace(b)))
            {
                await db.Database.ExecuteSqlRawAsync(batch);
            }

            Assert.That(await db.Database.GetPendingMigrationsAsync(), Is.Empty, "the script records every migration as applied");
        }

        var fromScript = await CatalogOf(scripted, withSearchIndex: true);
        Assert.That(fromScript.Any(r => r.Contains("users_search", StringComparison.Ordinal)), Is.EqualTo(scripted.Provider.CreateUserSearchIndex.Count > 0), "the search index is compared too");
        AssertSame(await CatalogOf(migrated, withSearchIndex: true), "migrations", fromScript, "the script");
    }

    [Test]
    public async Task Migrate_IsIdempotent()
    {
        using var database = TestDatabase.Create(provider);
        await using var db = database.NewContext();
        await db.Database.MigrateAsync();
        await db.Database.MigrateAsync();

        Assert.That(await db.Database.GetPendingMigrationsAsync(), Is.Empty);
    }

    private async Task<TestDatabase> MigratedAsync(string? targetMigration = null)
    {
        var database = TestDatabase.Create(provider);
        try
        {
            await using var db = database.NewContext();
            await db.Database.MigrateAsync(targetMigration);
            return database;
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    private static void AssertSame(SortedSet<string> expected, string expectedName, SortedSet<string> actual, string actualName)
    {
        var missing = expected.Except(actual).ToArray();
        var extra = actual.Except(expected).ToArray();
        Assert.That(missing.Concat(extra), Is.Empty, $"{expectedName} has but {actualName} lacks:\n  {string.Join("\n  ", missing)}\n{actualName} has but {expectedName} lacks:\n  {string.Join("\n  ", extra)}");
    }

    private static async Task<SortedSet<string>> CatalogOf(TestDatabase database, bool withSearchIndex = false)
    {
        await using var db = database.NewContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var rows = database.Provider.Name switch
        {
            "Sqlite" => await SqliteCatalog(connection),
            "SqlServer" => await SqlServerCatalog(connection),
            _ => await PostgresCatalog(connection),
        };
        // EF's own bookkeeping tables (history, migration lock) and the provider's substring index of users
        // (users_search…, outside the model; UserSearchTests check it) exist only after Migrate().
        return new SortedSet<string>(
            rows.Where(r => !r.Contains("__EFMigrations", StringComparison.Ordinal) && (withSearchIndex || !r.Contains("users_search", StringComparison.Ordinal))),
            StringComparer.Ordinal);
    }

    private static async Task<List<string>> SqliteCatalog(DbConnection connection)
    {
        var rows = new List<string>();
        var tables = await Query(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        foreach (var table in tables.Select(t => t[0]))
        {
            rows.Add($"table {table}");
            foreach (var c in await Query(connection, $"SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('{table}')"))
            {
                rows.Add($"column {table}.{c[0]} {c[1]} notnull={c[2]} default={c[3]} pk={c[4]}");
            }

            foreach (var f in await Query(connection, $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}')"))
            {
                rows.Add($"fk {table}.{f[1]} -> {f[0]}.{f[2]} on delete {f[3]}");
            }

            foreach (var i in await Query(connection, $"SELECT name, \"unique\", origin FROM pragma_index_list('{table}')"))
            {
                var columns = await Query(connection, $"SELECT name FROM pragma_index_info('{i[0]}') ORDER BY seqno");
                rows.Add($"index {table}.{i[0]} ({string.Join(",", columns.Select(c => c[0]))}) unique={i[1]} origin={i[2]}");
            }
        }

        // The CREATE statements themselves catch what the pragmas do not show (AUTOINCREMENT, constraint names).
        foreach (var sql in await Query(connection, "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'"))
        {
            rows.Add($"sql {sql[0]}: {Normalize(sql[1])}");
        }

        return rows;
    }

    private static async Task<List<string>> PostgresCatalog(DbConnection connection)
    {
        var rows = new List<string>();
        foreach (var c in await Query(connection, """
            SELECT table_name, column_name, data_type, character_maximum_length, is_nullable, column_default, is_identity, identity_generation
            FROM information_schema.columns WHERE table_schema = 'public'
            """))
        {
            rows.Add($"column {c[0]}.{c[1]} {c[2]}({c[3]}) nullable={c[4]} default={c[5]} identity={c[6]}/{c[7]}");
        }

        foreach (var k in await Query(connection, """
            SELECT conrelid::regclass::text, conname, contype, pg_get_constraintdef(oid)
            FROM pg_constraint WHERE connamespace = 'public'::regnamespace
            """))
        {
            rows.Add($"constraint {k[0]}.{k[1]} {k[2]} {k[3]}");
        }

        foreach (var i in await Query(connection, "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'"))
        {
            rows.Add($"index {i[0]}.{i[1]} {i[2]}");
        }

        foreach (var t in await Query(connection, "SELECT tgrelid::regclass::text, tgname, pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal"))
        {
            rows.Add($"trigger {t[0]}.{t[1]} {t[2]}");
        }

        return rows;
    }

    private static async Task<List<string>> SqlServerCatalog(DbConnection connection)
    {
        var rows = new List<string>();
        foreach (var c in await Query(connection, """
            SELECT c.TABLE_NAME, c.COLUMN_NAME, c.DATA_TYPE, c.CHARACTER_MAXIMUM_LENGTH, c.IS_NULLABLE, c.COLUMN_DEFAULT,
                   COLUMNPROPERTY(OBJECT_ID(c.TABLE_NAME), c.COLUMN_NAME, 'IsIdentity')
            FROM INFORMATION_SCHEMA.COLUMNS AS c WHERE c.TABLE_SCHEMA = 'dbo'
            """))
        {
            rows.Add($"column {c[0]}.{c[1]} {c[2]}({c[3]}) nullable={c[4]} default={c[5]} identity={c[6]}");
        }

        foreach (var k in await Query(connection, """
            SELECT OBJECT_NAME(k.parent_object_id), k.name, k.type FROM sys.key_constraints AS k
            UNION ALL
            SELECT OBJECT_NAME(f.parent_object_id), f.name, f.delete_referential_action_desc + ' -> ' + OBJECT_NAME(f.referenced_object_id) FROM sys.foreign_keys AS f
            """))
        {
            rows.Add($"constraint {k[0]}.{k[1]} {k[2]}");
        }

        // The filter is left out: without a snapshot, the migrations' unique indexes get SQL Server's IS NOT NULL
        // filter, which on these NOT NULL columns changes nothing (docs/decisions.md).
        foreach (var i in await Query(connection, """
            SELECT OBJECT_NAME(i.object_id), i.name, i.is_unique, i.type_desc,
                   STRING_AGG(COL_NAME(ic.object_id, ic.column_id), ',') WITHIN GROUP (ORDER BY ic.key_ordinal)
            FROM sys.indexes AS i JOIN sys.index_columns AS ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id
            WHERE OBJECTPROPERTY(i.object_id, 'IsUserTable') = 1
            GROUP BY i.object_id, i.name, i.is_unique, i.type_desc
            """))
        {
            rows.Add($"index {i[0]}.{i[1]} ({i[4]}) unique={i[2]} {i[3]}");
        }

        return rows;
    }

    /// <summary>
    /// Whitespace-insensitive SQL: SQLite keeps the text of CREATE TABLE and splices an ALTER TABLE ADD COLUMN into
    /// it with its own spacing, so only the tokens are compared.
    /// </summary>
    private static string Normalize(string sql)
    {
        var spaced = string.Join(' ', sql.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return spaced.Replace(" ,", ",", StringComparison.Ordinal).Replace("( ", "(", StringComparison.Ordinal).Replace(" )", ")", StringComparison.Ordinal);
    }

    private static async Task<List<string[]>> Query(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!).ToArray());
        }

        return rows;
    }
}
