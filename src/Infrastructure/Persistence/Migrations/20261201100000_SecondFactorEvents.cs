using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Navixy.Panel.Infrastructure.Persistence.Migrations;

/// <summary>
/// Adds <c>second_factor_events</c>: each user's code checks and code mails, counted over all of its second-factor
/// sessions so the per-account limits hold across sessions and API instances.
/// </summary>
[DbContext(typeof(PanelDbContext))]
[Migration("20261201100000_SecondFactorEvents")]
public sealed class SecondFactorEvents : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "second_factor_events",
            columns: table => new
            {
                id = InitialSchema.Identity(table),
                user_id = table.Column<long>(nullable: false),
                kind = table.Column<int>(nullable: false),
                occurred_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_second_factor_events", x => x.id);
                table.ForeignKey("FK_second_factor_events_users_user_id", x => x.user_id, "users", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_second_factor_events_user_id_kind_occurred_at", "second_factor_events", ["user_id", "kind", "occurred_at"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropTable("second_factor_events");
}
