using System.Diagnostics;
using System.Globalization;

namespace Navixy.Panel.Benchmarks;

internal sealed record PurgeRow(string Provider, int Rows, double InsertSeconds, double PurgeSeconds, long Left, int Workers, LatencySummary Idle, LatencySummary During);

internal sealed record GrowthRow(string Provider, int Second, long Requests, long SecondFactorSessions, long LoginFailures);

/// <summary>
/// The housekeeping cells. <c>purge</c>: a million expired second-factor sessions purged in batches while sign-ins
/// keep running, their latency against the same sign-ins idle. <c>growth</c>: table sizes under a sustained load of
/// second-factor sign-ins and failed logins with the purge on. The service runs a pass every second in the harness.
/// </summary>
internal static class HousekeepingCells
{
    private const int PurgeRows = 1_000_000;
    // In the purge cell the only second-factor sessions are the expired ones it inserts (its user has MFA off).
    private const string SecondFactorSessions = "SELECT COUNT(*) FROM user_sessions WHERE kind = 2";
    private const int Workers = 2;
    private static readonly TimeSpan IdleTime = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan GrowthTime = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan GrowthSample = TimeSpan.FromSeconds(15);

    /// <summary>The growth cell's history: an hour of the measured load, already in the tables when it starts.</summary>
    private static readonly TimeSpan History = TimeSpan.FromHours(1);

    public static async Task<PurgeRow> MeasurePurgeAsync(ProviderRun run)
    {
        var (_, panel) = await run.NewDealerAsync("Bench purge");
        var (userId, login) = await NewUserAsync(run, panel, mfa: false);
        var body = new { login, password = Program.UserPassword };

        var warmup = new SignInLoad(run.Http, Workers, (_, _) => body);
        await Task.Delay(TimeSpan.FromSeconds(5));
        await warmup.StopAsync();
        var idleLoad = new SignInLoad(run.Http, Workers, (_, _) => body);
        await Task.Delay(IdleTime);
        var idle = await idleLoad.StopAsync();

        var insert = Stopwatch.StartNew();
        // Expired a day ago and more, spread over a day; the next pass (within a second) finds them.
        await InsertSecondFactorSessionsAsync(run, userId, PurgeRows, newest: TimeSpan.FromDays(1), span: TimeSpan.FromDays(1));
        var insertSeconds = insert.Elapsed.TotalSeconds;
        var purge = Stopwatch.StartNew();
        var duringLoad = new SignInLoad(run.Http, Workers, (_, _) => body);
        // Until the expired rows are gone (the pass then ends at once); /health's figure of that pass lasts only until
        // the next, which starts right after it.
        while (await CountAsync(run, SecondFactorSessions) > 0)
        {
            if (purge.Elapsed > TimeSpan.FromMinutes(30))
            {
                throw new TimeoutException("no housekeeping pass removed the expired sessions within 30 minutes");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        var purgeSeconds = purge.Elapsed.TotalSeconds;
        var during = await duringLoad.StopAsync();
        var left = await CountAsync(run, SecondFactorSessions);
        var row = new PurgeRow(run.Provider, PurgeRows, insertSeconds, purgeSeconds, left, Workers, idle, during);
        Console.WriteLine($"   purge {PurgeRows} in {purgeSeconds:F1} s ({left} left); sign-in p50/p99 idle {idle.P50Ms:F0}/{idle.P99Ms:F0} ms, during {during.P50Ms:F0}/{during.P99Ms:F0} ms");
        return row;
    }

    public static async Task<List<GrowthRow>> MeasureGrowthAsync(ProviderRun run)
    {
        var (_, panel) = await run.NewDealerAsync("Bench growth");
        var (userId, login) = await NewUserAsync(run, panel, mfa: true);
        // Worker 0 signs in with a code to come (a second-factor session each time), worker 1 sprays unknown logins.
        object Body(int worker, int n) => worker == 0
            ? new { login, password = Program.UserPassword }
            : new { login = $"spray-{Guid.NewGuid():N}@example.com", password = "guess" };

        var rateLoad = new SignInLoad(run.Http, Workers, Body);
        await Task.Delay(GrowthSample);
        var rate = await rateLoad.StopAsync();
        var perSecond = rate.PerSecond / Workers;

        // The rows an hour of this load leaves, spread over that hour, as if it had been running all along.
        var history = (int)(perSecond * History.TotalSeconds);
        await InsertSecondFactorSessionsAsync(run, userId, history, newest: TimeSpan.FromSeconds(1), span: History);
        await InsertLoginFailuresAsync(run, history, History);
        var requests = (long)rate.Requests + (2L * history);

        var rows = new List<GrowthRow>();
        var load = new SignInLoad(run.Http, Workers, Body);
        var watch = Stopwatch.StartNew();
        while (true)
        {
            rows.Add(new GrowthRow(
                run.Provider,
                (int)watch.Elapsed.TotalSeconds,
                requests + load.Sent,
                await CountAsync(run, SecondFactorSessions),
                await CountAsync(run, "SELECT COUNT(*) FROM login_failures")));
            Console.WriteLine($"   growth {rows[^1]}");
            if (watch.Elapsed >= GrowthTime)
            {
                break;
            }

            await Task.Delay(GrowthSample);
        }

        await load.StopAsync();
        return rows;
    }

    private static async Task<(long Id, string Login)> NewUserAsync(ProviderRun run, string panel, bool mfa)
    {
        var login = $"purge-{Guid.NewGuid():N}@example.com";
        var id = (await run.Post("panel/user/create", new
        {
            user = new { login, first_name = "Sign", last_name = "In", legal_type = "individual", dealer_mfa_settings = mfa ? new { type = "allowed", factor_types = new[] { "email" } } : (object)new { type = "disallowed" } },
            password = Program.UserPassword,
            locale = "en_US",
            time_zone = "UTC",
        }, panel)).GetProperty("id").GetInt64();
        return (id, login);
    }

    /// <summary>Second-factor sessions of one user created from <paramref name="newest"/> ago back over <paramref name="span"/>, in one statement.</summary>
    private static Task InsertSecondFactorSessionsAsync(ProviderRun run, long userId, int count, TimeSpan newest, TimeSpan span)
    {
        const string Columns = "token_digest, user_id, kind, created_at, last_used_at, expires_at, send_count, wrong_attempts, wrong_attempts_at_issue, version";
        var sql = run.Provider == "Postgres"
            ? $"""
               INSERT INTO user_sessions ({Columns})
               SELECT sha256(('{Guid.NewGuid():N}' || i)::bytea), @user, 2, t, t, t + interval '15 minutes', 1, 0, 0, 1
               FROM (SELECT i, now() - @newest * interval '1 second' - i * @step * interval '1 second' AS t FROM generate_series(1, @count) i) s
               """
            : $"""
               WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @count),
                    s(t) AS (SELECT julianday('now') - (@newest + i * @step) / 86400.0 FROM n)
               INSERT INTO user_sessions ({Columns})
               SELECT randomblob(32), @user, 2, strftime('%Y-%m-%d %H:%M:%f', t), strftime('%Y-%m-%d %H:%M:%f', t), strftime('%Y-%m-%d %H:%M:%f', t + 15 / 1440.0), 1, 0, 0, 1 FROM s
               """;
        return ExecuteAsync(run, sql, ("@user", userId), ("@count", count), ("@newest", newest.TotalSeconds), ("@step", span.TotalSeconds / Math.Max(1, count)));
    }

    /// <summary>Failed logins of distinct unknown logins spread over the last <paramref name="span"/>, in one statement.</summary>
    private static Task InsertLoginFailuresAsync(ProviderRun run, int count, TimeSpan span)
    {
        var sql = run.Provider == "Postgres"
            ? "INSERT INTO login_failures (scope, login, occurred_at) SELECT 2, 'history' || i || '@example.com', now() - i * @step * interval '1 second' FROM generate_series(1, @count) i"
            : """
              WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @count)
              INSERT INTO login_failures (scope, login, occurred_at)
              SELECT 2, 'history' || i || '@example.com', strftime('%Y-%m-%d %H:%M:%f', julianday('now') - i * @step / 86400.0) FROM n
              """;
        return ExecuteAsync(run, sql, ("@count", count), ("@step", span.TotalSeconds / Math.Max(1, count)));
    }

    internal static async Task ExecuteAsync(ProviderRun run, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = run.Connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandTimeout = 600;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            ProviderRun.Add(command, name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    internal static async Task<long> CountAsync(ProviderRun run, string sql)
    {
        await using var connection = run.Connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandTimeout = 600;
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
