using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Navixy.Panel.Api.FunctionalTests.Support;

namespace Navixy.Panel.Benchmarks;

internal sealed record AuditRow(string Provider, long Events, int Users, double ListP50Ms, double ListP99Ms, double UpdateApiMs, double UpdateRawMs);

/// <summary>
/// The security log's cell (<c>--cells audit</c>): a dealer of the largest size, its log filled with
/// <c>--audit-events</c> events in one statement (each a selection of one of its users, one in 10,000 an update
/// of all, as a year of a busy dealer might look), then <c>panel/audit/list</c> with <c>user_id</c> of a random user,
/// one request after another, and <c>update</c> of all (now writing its event) against one raw SQL <c>UPDATE</c>.
/// </summary>
internal static class AuditCells
{
    private const int ListCalls = 220;
    private const int ListWarmup = 20;

    public static async Task<AuditRow> MeasureAsync(ProviderRun run, int users, int events)
    {
        var (dealer, hash) = await run.NewDealerAsync($"Bench audit {users}", "users:read,users:update,users:create,audit:read");
        await using (var connection = run.Connect())
        {
            await connection.OpenAsync();
            await UserGenerator.GenerateAsync(connection, dealer, users, new PasswordHasher<object>().HashPassword(new object(), Program.UserPassword));
        }

        var (min, max) = await run.MasterRangeAsync(dealer);
        var fill = Stopwatch.StartNew();
        await InsertEventsAsync(run, dealer, min, max, events);
        Console.WriteLine($"   audit: {events} events for {users} users written in {fill.Elapsed.TotalSeconds:F1} s");

        var random = new Random(17);
        var latencies = new List<double>();
        for (var call = 0; call < ListCalls; call++)
        {
            var userId = min + random.NextInt64(max - min + 1);
            var watch = Stopwatch.StartNew();
            await run.Post("panel/audit/list", new { user_id = userId, limit = 100 }, hash);
            latencies.Add(watch.Elapsed.TotalMilliseconds);
        }

        latencies.RemoveRange(0, ListWarmup);
        var api = new List<double>();
        var raw = new List<double>();
        var allowed = false;
        for (var round = 0; round < 3; round++)
        {
            allowed = !allowed;
            var watch = Stopwatch.StartNew();
            await run.Post("panel/user/mfa/settings/update", new { target = new { type = "all" }, settings = ProviderRun.Settings(allowed) }, hash);
            api.Add(watch.Elapsed.TotalMilliseconds);
            allowed = !allowed;
            raw.Add(await run.RawUpdateAllAsync(dealer, allowed));
        }

        var row = new AuditRow(run.Provider, events, users, Program.Percentile(latencies, 50), Program.Percentile(latencies, 99), Program.Median(api), Program.Median(raw));
        Console.WriteLine($"   audit/list user_id among {events}: p50 {row.ListP50Ms:F2} ms, p99 {row.ListP99Ms:F2} ms; update all {row.UpdateApiMs:F0} ms against raw {row.UpdateRawMs:F0} ms");
        return row;
    }

    /// <summary>
    /// The events and their side rows in two statements: event i selects user min + (i * 7919 mod the user count),
    /// every 10,000th is an update of all (side row user 0); times spread over the last 300 days.
    /// </summary>
    private static async Task InsertEventsAsync(ProviderRun run, long dealer, long min, long max, int count)
    {
        var span = max - min + 1;
        var (events, sideRows) = run.Provider == "Postgres"
            ? (
                """
                INSERT INTO audit_events (dealer_id, occurred_at, action, actor_type, actor_id, actor_login, ip, target_type, target_ids, before_mfa_allowed, before_mfa_factor_types, after_mfa_allowed, after_mfa_factor_types, affected)
                SELECT @dealer, now() - (@count - i) * interval '2 seconds', 'mfa.update', 1, 1, 'bench', '192.0.2.1',
                       CASE WHEN i % 10000 = 0 THEN 1 ELSE 2 END,
                       CASE WHEN i % 10000 = 0 THEN NULL ELSE (@min + (i::bigint * 7919) % @span)::text END,
                       NULL, 0, i % 2 = 0, (i % 2 = 0)::int, 1
                FROM generate_series(1, @count) i
                """,
                """
                INSERT INTO audit_event_users (dealer_id, user_id, event_id)
                SELECT @dealer, CASE WHEN target_type = 1 THEN 0 ELSE target_ids::bigint END, id FROM audit_events WHERE dealer_id = @dealer AND actor_login = 'bench'
                """)
            : (
                """
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @count)
                INSERT INTO audit_events (dealer_id, occurred_at, action, actor_type, actor_id, actor_login, ip, target_type, target_ids, before_mfa_allowed, before_mfa_factor_types, after_mfa_allowed, after_mfa_factor_types, affected)
                SELECT @dealer, strftime('%Y-%m-%d %H:%M:%f', julianday('now') - (@count - i) * 2 / 86400.0), 'mfa.update', 1, 1, 'bench', '192.0.2.1',
                       CASE WHEN i % 10000 = 0 THEN 1 ELSE 2 END,
                       CASE WHEN i % 10000 = 0 THEN NULL ELSE CAST(@min + (i * 7919) % @span AS TEXT) END,
                       NULL, 0, i % 2 = 0, i % 2 = 0, 1
                FROM n
                """,
                """
                INSERT INTO audit_event_users (dealer_id, user_id, event_id)
                SELECT @dealer, CASE WHEN target_type = 1 THEN 0 ELSE CAST(target_ids AS INTEGER) END, id FROM audit_events WHERE dealer_id = @dealer AND actor_login = 'bench'
                """);
        await HousekeepingCells.ExecuteAsync(run, events, ("@dealer", dealer), ("@count", count), ("@min", min), ("@span", span));
        await HousekeepingCells.ExecuteAsync(run, sideRows, ("@dealer", dealer));
        if (run.Provider == "Postgres")
        {
            await HousekeepingCells.ExecuteAsync(run, "VACUUM ANALYZE audit_events");
            await HousekeepingCells.ExecuteAsync(run, "VACUUM ANALYZE audit_event_users");
        }
        else
        {
            await HousekeepingCells.ExecuteAsync(run, "ANALYZE");
        }
    }
}
