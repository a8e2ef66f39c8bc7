using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Navixy.Panel.Api.FunctionalTests.Support;

/// <summary>
/// Fills a dealer with generated users straight in the database (one INSERT ... SELECT per kind, no API calls):
/// <c>masters</c> master users <c>bulk{dealer}-{n}@example.com</c> and one sub-user <c>bulk{dealer}-{n}.sub@example.com</c>
/// for every tenth master, all with one password hash so any of them can log in. Shared by the reliability tests
/// and the benchmark harness (linked into benchmarks/).
/// </summary>
public static class UserGenerator
{
    private const string Columns = """
        dealer_id, master_id, login, login_key, password_hash, activated, verified, legal_type, first_name, middle_name,
        last_name, legal_name, phone, post_country, post_region, post_city, post_street_address, post_index, locale,
        time_zone, comment, demo, created_at, mfa_allowed, mfa_factor_types, mfa_updated_at
        """;

    /// <summary>Inserts the users; returns how long the inserts took.</summary>
    public static async Task<TimeSpan> GenerateAsync(DbConnection connection, long dealerId, int masters, string passwordHash)
    {
        var watch = Stopwatch.StartNew();
        var sqlite = connection is SqliteConnection;
        var prefix = $"bulk{dealerId}-";
        var numbers = sqlite
            ? "WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < @count) SELECT n FROM s"
            : "SELECT n FROM generate_series(1, @count) AS n";
        var now = sqlite ? "strftime('%Y-%m-%d %H:%M:%f', 'now')" : "now()";
        var text = sqlite ? "CAST(n AS TEXT)" : "n::text";

        await Execute(connection, $"""
            INSERT INTO users ({Columns})
            SELECT @dealer, NULL, @prefix || {text} || '@example.com', @prefix || {text} || '@example.com', @hash, TRUE, TRUE, 1,
                   'First' || {text}, '', 'Last' || {text}, '', '', '', '', '', '', '', 'en_US', 'UTC', '', FALSE, {now}, NULL, 0, NULL
            FROM ({numbers}) AS numbers
            """, dealerId, prefix, passwordHash, masters);

        await Execute(connection, $"""
            INSERT INTO users ({Columns})
            SELECT m.dealer_id, m.id, replace(m.login, '@', '.sub@'), replace(m.login_key, '@', '.sub@'), m.password_hash, TRUE, TRUE, 1,
                   m.first_name, '', m.last_name, '', '', '', '', '', '', '', 'en_US', 'UTC', '', FALSE, m.created_at, NULL, 0, NULL
            FROM users m
            WHERE m.dealer_id = @dealer AND m.master_id IS NULL AND m.login LIKE @prefix || '%' AND m.id % 10 = 0
            """, dealerId, prefix, passwordHash, masters);

        await Execute(connection, sqlite ? "ANALYZE" : "ANALYZE users", dealerId, prefix, passwordHash, masters);
        return watch.Elapsed;
    }

    private static async Task Execute(DbConnection connection, string sql, long dealerId, string prefix, string hash, int count)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        Add(command, "@dealer", dealerId);
        Add(command, "@prefix", prefix);
        Add(command, "@hash", hash);
        Add(command, "@count", count);
        await command.ExecuteNonQueryAsync();
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
