using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Navixy.Panel.Infrastructure.Persistence.Migrations;

/// <summary>
/// Adds <c>IX_login_failures_occurred_at</c>: housekeeping removes failures past their window in batches, oldest
/// first, and the throttle's index (scope, login, occurred_at) cannot serve a range over the time alone.
/// </summary>
[DbContext(typeof(PanelDbContext))]
[Migration("20261201140000_LoginFailureAgeIndex")]
public sealed class LoginFailureAgeIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex("IX_login_failures_occurred_at", "login_failures", "occurred_at");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex("IX_login_failures_occurred_at", "login_failures");
}
