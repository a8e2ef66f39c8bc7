using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Navixy.Panel.Infrastructure.Persistence.Migrations;

/// <summary>
/// Adds <c>dealers.mfa_revision</c>: every change of a dealer's users' MFA settings increments it first, which
/// makes concurrent changes of one dealer wait for each other instead of deadlocking on the users' rows.
/// </summary>
[DbContext(typeof(PanelDbContext))]
[Migration("20261122150000_DealerMfaRevision")]
public sealed class DealerMfaRevision : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<long>(name: "mfa_revision", table: "dealers", nullable: false, defaultValue: 0L);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "mfa_revision", table: "dealers");
}
