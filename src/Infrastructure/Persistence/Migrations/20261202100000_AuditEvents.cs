using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Navixy.Panel.Infrastructure.Persistence.Migrations;

/// <summary>
/// Adds the security log: <c>audit_events</c> (append-only, one row per action, a bulk update included) and
/// <c>audit_event_users</c>, the users each event concerns (user 0: every user of the dealer), keyed for
/// <c>panel/audit/list</c>'s <c>user_id</c>.
/// </summary>
[DbContext(typeof(PanelDbContext))]
[Migration("20261202100000_AuditEvents")]
public sealed class AuditEvents : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "audit_events",
            columns: table => new
            {
                id = InitialSchema.Identity(table),
                dealer_id = table.Column<long>(nullable: true),
                occurred_at = table.Column<DateTime>(nullable: false),
                action = table.Column<string>(maxLength: 40, nullable: false),
                actor_type = table.Column<int>(nullable: false),
                actor_id = table.Column<long>(nullable: true),
                actor_login = table.Column<string>(maxLength: 254, nullable: true),
                ip = table.Column<string>(maxLength: 45, nullable: true),
                target_type = table.Column<int>(nullable: true),
                target_ids = table.Column<string>(maxLength: 2200, nullable: true),
                before_mfa_allowed = table.Column<bool>(nullable: true),
                before_mfa_factor_types = table.Column<int>(nullable: false),
                after_mfa_allowed = table.Column<bool>(nullable: true),
                after_mfa_factor_types = table.Column<int>(nullable: false),
                affected = table.Column<int>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_audit_events", x => x.id));

        migrationBuilder.CreateTable(
            name: "audit_event_users",
            columns: table => new
            {
                dealer_id = table.Column<long>(nullable: false),
                user_id = table.Column<long>(nullable: false),
                event_id = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_audit_event_users", x => new { x.dealer_id, x.user_id, x.event_id });
                table.ForeignKey("FK_audit_event_users_audit_events_event_id", x => x.event_id, "audit_events", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_audit_events_dealer_id_id", "audit_events", ["dealer_id", "id"]);
        migrationBuilder.CreateIndex("IX_audit_events_occurred_at", "audit_events", "occurred_at");
        migrationBuilder.CreateIndex("IX_audit_event_users_event_id", "audit_event_users", "event_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("audit_event_users");
        migrationBuilder.DropTable("audit_events");
    }
}
