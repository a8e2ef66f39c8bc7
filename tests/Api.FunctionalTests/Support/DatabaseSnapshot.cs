using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Navixy.Panel.Api.FunctionalTests.Support;

/// <summary>
/// Every row of every table of a factory's database as text (sorted, so the order rows come back in does not
/// matter), and its SHA-256: two equal checksums mean no table changed.
/// </summary>
public static class DatabaseSnapshot
{
    public static async Task<string> DumpAsync(PanelApiFactory factory)
    {
        await using var connection = Connect(factory, readOnly: true);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = connection switch
            {
                SqliteConnection => "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
                SqlConnection => "SELECT table_name FROM information_schema.tables WHERE table_schema = 'dbo' ORDER BY table_name",
                _ => "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
            };
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var dump = new StringBuilder();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                var cells = new string[reader.FieldCount];
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    cells[i] = reader.GetName(i) + "=" + Format(reader.GetValue(i));
                }

                rows.Add(string.Join('|', cells));
            }

            rows.Sort(StringComparer.Ordinal);
            dump.Append("# ").Append(table).Append('\n');
            foreach (var row in rows)
            {
                dump.Append(row).Append('\n');
            }
        }

        return dump.ToString();
    }

    /// <summary>
    /// A digest of every row, once the background work has caught up: the hashing of imported passwords and the
    /// delivery of change notices both change rows on their own after a request's reply, which a before/after
    /// comparison must not take for the request's doing.
    /// </summary>
    public static async Task<string> ChecksumAsync(PanelApiFactory factory)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((factory.BackgroundPasswordHashing && await ScalarAsync(factory, "SELECT COUNT(*) FROM users WHERE pending_password IS NOT NULL") > 0)
            || await ScalarAsync(factory, "SELECT COUNT(*) FROM notification_batches WHERE completed_at IS NULL") > 0)
        {
            if (waited.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException("imported passwords or change notices were still pending after 2 minutes");
            }

            await Task.Delay(50);
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(await DumpAsync(factory))));
    }

    /// <summary>The value of a scalar query, e.g. a count.</summary>
    public static async Task<long> ScalarAsync(PanelApiFactory factory, string sql)
    {
        await using var connection = Connect(factory, readOnly: true);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, CultureInfo.InvariantCulture);
    }

    /// <summary>A new, unopened connection to the factory's database, outside the API's pool.</summary>
    public static DbConnection Connect(PanelApiFactory factory, bool readOnly = false) => (factory.Provider, factory.ConnectionString) switch
    {
        ("SqlServer", { } sqlServer) => new SqlConnection(sqlServer),
        (_, { } postgres) => new NpgsqlConnection(postgres),
        _ => new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(factory.DataDirectory, "panel.db"),
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = 60,
        }.ToString()),
    };

    private static string Format(object value) => value switch
    {
        DBNull => "null",
        byte[] bytes => Convert.ToHexString(bytes),
        DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
