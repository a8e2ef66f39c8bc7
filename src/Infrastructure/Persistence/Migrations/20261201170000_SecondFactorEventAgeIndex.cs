using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Navixy.Panel.Infrastructure.Persistence.Migrations;

/// <summary>
/// Adds <c>IX_second_factor_events_occurred_at</c>: housekeeping removes events past the longest window in batches,
/// oldest first, and the limits' index (user_id, kind, occurred_at) cannot serve a range over the time alone.
/// </summary>
[DbContext(typeof(PanelDbContext))]
[Migration("20261201170000_SecondFactorEventAgeIndex")]
public sealed class SecondFactorEventAgeIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex("IX_second_factor_events_occurred_at", "second_factor_events", "occurred_at");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex("IX_second_factor_events_occurred_at", "second_factor_events");
}
