using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Navixy.Panel.Infrastructure.Persistence.Migrations;

/// <summary>
/// SQLite: the substring index stops merging its segments inside the statements that write to it (FTS5
/// <c>automerge</c> 0, a setting stored with the index); <see cref="SearchIndexMerger"/> merges it in the background
/// instead, so an upload's transaction holds the write lock only for its own rows. Nothing on the other providers.
/// </summary>
[DbContext(typeof(PanelDbContext))]
[Migration("20261202160000_SearchIndexMergedInBackground")]
public sealed class SearchIndexMergedInBackground : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (DatabaseProvider.OfEntityFramework(migrationBuilder.ActiveProvider) == DatabaseProvider.Sqlite)
        {
            migrationBuilder.Sql("INSERT INTO users_search(users_search, rank) VALUES ('automerge', 0)");
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (DatabaseProvider.OfEntityFramework(migrationBuilder.ActiveProvider) == DatabaseProvider.Sqlite)
        {
            migrationBuilder.Sql("INSERT INTO users_search(users_search, rank) VALUES ('automerge', 4)"); // FTS5's default
        }
    }
}
