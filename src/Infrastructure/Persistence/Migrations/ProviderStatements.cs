using Microsoft.EntityFrameworkCore.Migrations;

namespace Navixy.Panel.Infrastructure.Persistence.Migrations;

internal static class ProviderStatements
{
    /// <summary>
    /// Adds a provider's own statements to a migration. EF prints raw SQL into <c>database script</c> exactly as
    /// given, so each gets its terminator here: without it psql and sqlite3 read two statements as one.
    /// </summary>
    public static void Statements(this MigrationBuilder migrationBuilder, IEnumerable<string> statements)
    {
        foreach (var statement in statements)
        {
            migrationBuilder.Sql(statement + ";");
        }
    }
}
