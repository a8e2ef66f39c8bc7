using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Navixy.Panel.Infrastructure.Persistence.Migrations;

/// <summary>
/// Adds the notification outbox: <c>notification_batches</c> (one row per MFA change to mail, with the sender's
/// cursor and lease) and the users' <c>mfa_off_notice_batch_id</c> / <c>mfa_on_notice_batch_id</c>, which the change's
/// own UPDATE sets on the users it concerns. The marks have no index on purpose: an index would cost every update of
/// all users a write per row; the sender reads them along the dealer's index instead.
/// </summary>
[DbContext(typeof(PanelDbContext))]
[Migration("20261202120000_NotificationBatches")]
public sealed class NotificationBatches : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "notification_batches",
            columns: table => new
            {
                id = InitialSchema.Identity(table),
                dealer_id = table.Column<long>(nullable: false),
                kind = table.Column<int>(nullable: false),
                changed_at = table.Column<DateTime>(nullable: false),
                first_master_id = table.Column<long>(nullable: true),
                last_master_id = table.Column<long>(nullable: true),
                cursor_master_id = table.Column<long>(nullable: false),
                cursor_user_id = table.Column<long>(nullable: false),
                delivered = table.Column<int>(nullable: false),
                attempts = table.Column<int>(nullable: false),
                next_attempt_at = table.Column<DateTime>(nullable: true),
                lease_owner = table.Column<string>(maxLength: 200, nullable: true),
                lease_until = table.Column<DateTime>(nullable: true),
                completed_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_notification_batches", x => x.id);
                table.ForeignKey("FK_notification_batches_dealers_dealer_id", x => x.dealer_id, "dealers", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_notification_batches_completed_at", "notification_batches", "completed_at");
        migrationBuilder.CreateIndex("IX_notification_batches_dealer_id", "notification_batches", "dealer_id");
        migrationBuilder.AddColumn<long>(name: "mfa_off_notice_batch_id", table: "users", nullable: true);
        migrationBuilder.AddColumn<long>(name: "mfa_on_notice_batch_id", table: "users", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "mfa_on_notice_batch_id", table: "users");
        migrationBuilder.DropColumn(name: "mfa_off_notice_batch_id", table: "users");
        migrationBuilder.DropTable("notification_batches");
    }
}
