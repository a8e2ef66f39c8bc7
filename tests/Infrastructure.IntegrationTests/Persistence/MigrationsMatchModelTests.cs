using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Navixy.Panel.Infrastructure.Persistence;
using Navixy.Panel.TestSupport;

namespace Navixy.Panel.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// No pending model changes, for every provider and without a server: the schema the hand-written migrations build,
/// operation by operation, equals the one EF's model differ derives from the model (tables, columns with their type,
/// length, nullability, default and the provider's identity annotation, keys, foreign keys, indexes).
/// <see cref="SchemaParityTests"/> also compares the catalogs the two produce on a real database.
/// </summary>
[TestFixtureSource(typeof(TestProviders), nameof(TestProviders.All))]
public sealed class MigrationsMatchModelTests(string provider)
{
    [Test]
    public void Migrations_DescribeTheModel()
    {
        using var db = SchemaScript.OfflineContext(DatabaseProvider.Named(provider));
        var annotationPrefix = db.Database.ProviderName switch
        {
            "Microsoft.EntityFrameworkCore.SqlServer" => "SqlServer:",
            "Npgsql.EntityFrameworkCore.PostgreSQL" => "Npgsql:",
            _ => "Sqlite:",
        };

        var fromModel = Facts(db.GetService<IMigrationsModelDiffer>().GetDifferences(null, db.GetService<IDesignTimeModel>().Model.GetRelationalModel()), annotationPrefix);
        var migrations = db.GetService<IMigrationsAssembly>();
        var fromMigrations = Facts(
            migrations.Migrations.OrderBy(m => m.Key).SelectMany(m => migrations.CreateMigration(m.Value, db.Database.ProviderName!).UpOperations),
            annotationPrefix);

        Assert.That(fromModel, Is.Not.Empty);
        var missing = fromModel.Except(fromMigrations).ToArray();
        var extra = fromMigrations.Except(fromModel).ToArray();
        Assert.That(missing.Concat(extra), Is.Empty, $"model has but migrations lack:\n  {string.Join("\n  ", missing)}\nmigrations have but model lacks:\n  {string.Join("\n  ", extra)}");
    }

    private static SortedSet<string> Facts(IEnumerable<MigrationOperation> operations, string annotationPrefix)
    {
        var facts = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            switch (operation)
            {
                case CreateTableOperation table:
                    facts.Add($"table {table.Name}");
                    facts.Add($"key {table.Name}.{table.PrimaryKey!.Name} ({string.Join(",", table.PrimaryKey.Columns)})");
                    foreach (var column in table.Columns)
                    {
                        facts.Add(Column(column, annotationPrefix));
                    }

                    foreach (var foreignKey in table.ForeignKeys)
                    {
                        facts.Add($"fk {table.Name}.{foreignKey.Name} ({string.Join(",", foreignKey.Columns)}) -> {foreignKey.PrincipalTable} ({string.Join(",", foreignKey.PrincipalColumns!)}) on delete {foreignKey.OnDelete}");
                    }

                    facts.UnionWith(table.UniqueConstraints.Select(u => $"unique {table.Name}.{u.Name} ({string.Join(",", u.Columns)})"));
                    break;
                case AddColumnOperation column:
                    facts.Add(Column(column, annotationPrefix));
                    break;
                case CreateIndexOperation index:
                    facts.Add($"index {index.Table}.{index.Name} ({string.Join(",", index.Columns)}) unique={index.IsUnique} filter={index.Filter}");
                    break;
                case DropIndexOperation index:
                    facts.RemoveWhere(f => f.StartsWith($"index {index.Table}.{index.Name} (", StringComparison.Ordinal));
                    break;
                case SqlOperation:
                    // The provider's substring index of users, outside the model: UserSearchTests check it.
                    break;
                default:
                    facts.Add($"unexpected {operation.GetType().Name}");
                    break;
            }
        }

        return facts;
    }

    private static string Column(ColumnOperation column, string annotationPrefix)
    {
        var annotations = column.GetAnnotations().Where(a => a.Name.StartsWith(annotationPrefix, StringComparison.Ordinal)).Select(a => $"{a.Name}={a.Value}").Order(StringComparer.Ordinal);
        return $"column {column.Table}.{column.Name} {column.ClrType.Name}({column.MaxLength}) nullable={column.IsNullable} default={column.DefaultValue ?? column.DefaultValueSql} {string.Join(" ", annotations)}";
    }
}
