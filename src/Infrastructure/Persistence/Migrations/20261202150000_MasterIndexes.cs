using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Navixy.Panel.Infrastructure.Persistence.Configurations;

namespace Navixy.Panel.Infrastructure.Persistence.Migrations;

/// <summary>
/// The dealer's master users in each order of <c>panel/user/list</c> as partial indexes (<c>WHERE master_id IS NULL</c>),
/// and the sub-users' index partial too; see <c>docs/decisions.md</c>, "User search" (orders).
/// </summary>
[DbContext(typeof(PanelDbContext))]
[Migration("20261202150000_MasterIndexes")]
public sealed class MasterIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex("IX_users_masters_id", "users", ["dealer_id", "id"], filter: UserConfiguration.MastersOnly);
        migrationBuilder.CreateIndex("IX_users_masters_login_key", "users", ["dealer_id", "login_key", "id"], filter: UserConfiguration.MastersOnly);
        migrationBuilder.CreateIndex("IX_users_masters_last_name", "users", ["dealer_id", "last_name", "id"], filter: UserConfiguration.MastersOnly);
        migrationBuilder.DropIndex("IX_users_dealer_id_master_id_last_name_id", "users");
        migrationBuilder.DropIndex("IX_users_dealer_id_master_id_login_key_id", "users");
        migrationBuilder.DropIndex("IX_users_dealer_id_master_id_id", "users");
        migrationBuilder.DropIndex("IX_users_master_id", "users");
        migrationBuilder.CreateIndex("IX_users_master_id", "users", "master_id", filter: UserConfiguration.SubUsersOnly);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_users_master_id", "users");
        migrationBuilder.CreateIndex("IX_users_master_id", "users", "master_id");
        migrationBuilder.CreateIndex("IX_users_dealer_id_master_id_id", "users", ["dealer_id", "master_id", "id"]);
        migrationBuilder.CreateIndex("IX_users_dealer_id_master_id_login_key_id", "users", ["dealer_id", "master_id", "login_key", "id"]);
        migrationBuilder.CreateIndex("IX_users_dealer_id_master_id_last_name_id", "users", ["dealer_id", "master_id", "last_name", "id"]);
        migrationBuilder.DropIndex("IX_users_masters_last_name", "users");
        migrationBuilder.DropIndex("IX_users_masters_login_key", "users");
        migrationBuilder.DropIndex("IX_users_masters_id", "users");
    }
}
