using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Navixy.Panel.Infrastructure.Persistence.Migrations;

/// <summary>
/// The first schema. Hand-written and provider-neutral: column types come from each provider's mapping of the
/// CLR type, and every provider's identity annotation stands side by side (each ignores the others').
/// </summary>
[DbContext(typeof(PanelDbContext))]
[Migration("20261122120000_InitialSchema")]
public sealed class InitialSchema : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "dealers",
            columns: table => new
            {
                id = Identity(table),
                name = table.Column<string>(maxLength: 200, nullable: false),
                blocked = table.Column<bool>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                default_mfa_allowed = table.Column<bool>(nullable: true),
                default_mfa_factor_types = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_dealers", x => x.id));

        migrationBuilder.CreateTable(
            name: "login_failures",
            columns: table => new
            {
                id = Identity(table),
                scope = table.Column<int>(nullable: false),
                login = table.Column<string>(maxLength: 254, nullable: false),
                occurred_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_login_failures", x => x.id));

        migrationBuilder.CreateTable(
            name: "panel_accounts",
            columns: table => new
            {
                id = Identity(table),
                dealer_id = table.Column<long>(nullable: false),
                login = table.Column<string>(maxLength: 254, nullable: false),
                password_hash = table.Column<string>(maxLength: 200, nullable: false),
                permission_grants = table.Column<string>(maxLength: 1000, nullable: false),
                blocked = table.Column<bool>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_panel_accounts", x => x.id);
                table.ForeignKey("FK_panel_accounts_dealers_dealer_id", x => x.dealer_id, "dealers", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "users",
            columns: table => new
            {
                id = Identity(table),
                dealer_id = table.Column<long>(nullable: false),
                master_id = table.Column<long>(nullable: true),
                login = table.Column<string>(maxLength: 254, nullable: false),
                login_key = table.Column<string>(maxLength: 254, nullable: false),
                password_hash = table.Column<string>(maxLength: 200, nullable: false),
                activated = table.Column<bool>(nullable: false),
                verified = table.Column<bool>(nullable: false),
                legal_type = table.Column<int>(nullable: false),
                first_name = table.Column<string>(maxLength: 100, nullable: false),
                middle_name = table.Column<string>(maxLength: 100, nullable: false),
                last_name = table.Column<string>(maxLength: 100, nullable: false),
                legal_name = table.Column<string>(maxLength: 200, nullable: false),
                phone = table.Column<string>(maxLength: 20, nullable: false),
                post_country = table.Column<string>(maxLength: 100, nullable: false),
                post_region = table.Column<string>(maxLength: 100, nullable: false),
                post_city = table.Column<string>(maxLength: 100, nullable: false),
                post_street_address = table.Column<string>(maxLength: 200, nullable: false),
                post_index = table.Column<string>(maxLength: 20, nullable: false),
                locale = table.Column<string>(maxLength: 20, nullable: false),
                time_zone = table.Column<string>(maxLength: 64, nullable: false),
                comment = table.Column<string>(maxLength: 255, nullable: false),
                demo = table.Column<bool>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                mfa_allowed = table.Column<bool>(nullable: true),
                mfa_factor_types = table.Column<int>(nullable: false),
                mfa_updated_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_users", x => x.id);
                table.ForeignKey("FK_users_dealers_dealer_id", x => x.dealer_id, "dealers", "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_users_users_master_id", x => x.master_id, "users", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "panel_sessions",
            columns: table => new
            {
                id = Identity(table),
                token_digest = table.Column<byte[]>(maxLength: 32, nullable: false),
                account_id = table.Column<long>(nullable: false),
                dealer_id = table.Column<long>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                expires_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_panel_sessions", x => x.id);
                table.ForeignKey("FK_panel_sessions_panel_accounts_account_id", x => x.account_id, "panel_accounts", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "user_sessions",
            columns: table => new
            {
                id = Identity(table),
                token_digest = table.Column<byte[]>(maxLength: 32, nullable: false),
                user_id = table.Column<long>(nullable: false),
                kind = table.Column<int>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                last_used_at = table.Column<DateTime>(nullable: false),
                expires_at = table.Column<DateTime>(nullable: false),
                code_digest = table.Column<byte[]>(maxLength: 32, nullable: true),
                code_expires_at = table.Column<DateTime>(nullable: true),
                code_sent_at = table.Column<DateTime>(nullable: true),
                send_count = table.Column<int>(nullable: false),
                wrong_attempts = table.Column<int>(nullable: false),
                wrong_attempts_at_issue = table.Column<int>(nullable: false),
                version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_user_sessions", x => x.id);
                table.ForeignKey("FK_user_sessions_users_user_id", x => x.user_id, "users", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_login_failures_scope_login_occurred_at", "login_failures", ["scope", "login", "occurred_at"]);
        migrationBuilder.CreateIndex("IX_panel_accounts_dealer_id", "panel_accounts", "dealer_id");
        migrationBuilder.CreateIndex("IX_panel_accounts_login", "panel_accounts", "login", unique: true);
        migrationBuilder.CreateIndex("IX_panel_sessions_account_id", "panel_sessions", "account_id");
        migrationBuilder.CreateIndex("IX_panel_sessions_expires_at", "panel_sessions", "expires_at");
        migrationBuilder.CreateIndex("IX_panel_sessions_token_digest", "panel_sessions", "token_digest", unique: true);
        migrationBuilder.CreateIndex("IX_users_dealer_id_master_id", "users", ["dealer_id", "master_id"]);
        migrationBuilder.CreateIndex("IX_users_login_key", "users", "login_key", unique: true);
        migrationBuilder.CreateIndex("IX_users_master_id", "users", "master_id");
        migrationBuilder.CreateIndex("IX_user_sessions_expires_at", "user_sessions", "expires_at");
        migrationBuilder.CreateIndex("IX_user_sessions_token_digest", "user_sessions", "token_digest", unique: true);
        migrationBuilder.CreateIndex("IX_user_sessions_user_id", "user_sessions", "user_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("user_sessions");
        migrationBuilder.DropTable("panel_sessions");
        migrationBuilder.DropTable("users");
        migrationBuilder.DropTable("panel_accounts");
        migrationBuilder.DropTable("login_failures");
        migrationBuilder.DropTable("dealers");
    }

    /// <summary>A bigint identity key, with each provider's annotation; later migrations create their keys with it too.</summary>
    internal static OperationBuilder<AddColumnOperation> Identity(ColumnsBuilder table) =>
        table.Column<long>(nullable: false)
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
            .Annotation("SqlServer:Identity", "1, 1");
}
