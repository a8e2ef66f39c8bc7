using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Navixy.Panel.Infrastructure.Security;

namespace Navixy.Panel.Infrastructure.Persistence.Migrations;

/// <summary>
/// Adds <c>users.pending_password</c>, an imported password sealed until the background hashing replaces it, and the
/// partial index that finds those without reading every user (docs/decisions.md, "Imported passwords").
/// </summary>
[DbContext(typeof(PanelDbContext))]
[Migration("20261202130000_PendingPasswords")]
public sealed class PendingPasswords : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<byte[]>(name: "pending_password", table: "users", maxLength: PasswordSeal.SealedLength, nullable: true);
        migrationBuilder.CreateIndex("IX_users_pending_password", "users", "id", filter: "pending_password IS NOT NULL");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_users_pending_password", "users");
        migrationBuilder.DropColumn(name: "pending_password", table: "users");
    }
}
