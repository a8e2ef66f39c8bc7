using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Navixy.Panel.Infrastructure.Persistence.Migrations;

/// <summary>
/// Lets an upload put its users into the substring index in one statement instead of one index write per user
/// (see <see cref="DatabaseProvider.CreateBulkSearchEntries"/>); nothing on providers whose index needs no help.
/// </summary>
[DbContext(typeof(PanelDbContext))]
[Migration("20261202170000_BulkSearchEntries")]
public sealed class BulkSearchEntries : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Statements(DatabaseProvider.OfEntityFramework(migrationBuilder.ActiveProvider).CreateBulkSearchEntries);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Statements(DatabaseProvider.OfEntityFramework(migrationBuilder.ActiveProvider).DropBulkSearchEntries);
    }
}
