using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Navixy.Panel.Infrastructure.Persistence.Migrations;

/// <summary>
/// The users page at scale: per-dealer indexes in each order of <c>panel/user/list</c> (id, login, last name, each
/// ending in the id that breaks ties), and the provider's substring index of the searchable columns, built over the
/// users already stored (see <see cref="DatabaseProvider.CreateUserSearchIndex"/>).
/// </summary>
[DbContext(typeof(PanelDbContext))]
[Migration("20261201160000_UserSearchIndex")]
public sealed class UserSearchIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_users_dealer_id_master_id", "users");
        migrationBuilder.CreateIndex("IX_users_dealer_id_master_id_id", "users", ["dealer_id", "master_id", "id"]);
        migrationBuilder.CreateIndex("IX_users_dealer_id_master_id_login_key_id", "users", ["dealer_id", "master_id", "login_key", "id"]);
        migrationBuilder.CreateIndex("IX_users_dealer_id_master_id_last_name_id", "users", ["dealer_id", "master_id", "last_name", "id"]);
        migrationBuilder.Statements(DatabaseProvider.OfEntityFramework(migrationBuilder.ActiveProvider).CreateUserSearchIndex);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Statements(DatabaseProvider.OfEntityFramework(migrationBuilder.ActiveProvider).DropUserSearchIndex);

        migrationBuilder.DropIndex("IX_users_dealer_id_master_id_last_name_id", "users");
        migrationBuilder.DropIndex("IX_users_dealer_id_master_id_login_key_id", "users");
        migrationBuilder.DropIndex("IX_users_dealer_id_master_id_id", "users");
        migrationBuilder.CreateIndex("IX_users_dealer_id_master_id", "users", ["dealer_id", "master_id"]);
    }
}
