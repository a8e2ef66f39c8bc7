using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Navixy.Panel.Api.FunctionalTests.Support;
using Npgsql;

namespace Navixy.Panel.Benchmarks;

/// <summary>
/// The benchmark harness behind <c>benchmarks/run.sh</c>: for each provider it starts the built service as a
/// process on a fresh database, fills dealers of 10k, 100k and 1M users, and measures bulk and selected updates
/// (against raw SQL), throughput and latency with wrk, the login flow, and another dealer's sign-ins and reads
/// during an upload of 1,000 and 10,000 rows (--import-rows; 0 skips it), the housekeeping cells, and the security
/// log's (--audit-events). Writes a markdown report.
/// </summary>
public static partial class Program
{
    internal const string AdminPassword = "Bench-Admin-Passw0rd";
    internal const string AccountPassword = "Bench-Account-Passw0rd";
    internal const string UserPassword = "Bulk-Passw0rd";
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task<int> Main(string[] args)
    {
        var options = Options.Parse(args);
        var report = new Report(options);
        foreach (var provider in options.Providers)
        {
            await using var run = await ProviderRun.StartAsync(provider, options);
            await run.MeasureAsync(report);
        }

        await File.WriteAllTextAsync(options.Output, report.ToMarkdown());
        Console.WriteLine($"report written to {options.Output}");
        return 0;
    }

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    internal static double Percentile(IEnumerable<double> values, double percentile)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(percentile / 100 * sorted.Length) - 1)];
    }

    internal static string Ms(double value) => value.ToString(value < 10 ? "F2" : "F0", Invariant);

    [GeneratedRegex(@"code is (\d{6})")]
    internal static partial Regex CodePattern();

    /// <summary>Command line of the harness.</summary>
    /// <param name="Requests">When set, the throughput cell runs only the requests whose name contains it (<c>--requests list</c>).</param>
    internal sealed record Options(string Api, string Postgres, string Output, int[] Sizes, string[] Providers, int WrkSeconds, int WarmupSeconds, string[] Cells, int[] ImportRows, int AuditEvents, string? Requests, string Command)
    {
        /// <summary>Every cell, in the order they run; <c>--cells</c> picks some.</summary>
        public static readonly string[] AllCells = ["bulk", "notify", "selected", "dryrun", "provenance", "throughput", "login", "import", "ratelimit", "purge", "growth", "audit"];

        public bool Runs(string cell) => Cells.Contains(cell);

        public static Options Parse(string[] args)
        {
            string Value(string name, string fallback)
            {
                // The last occurrence wins, so arguments passed to benchmarks/run.sh override the ones it supplies.
                var index = Array.LastIndexOf(args, name);
                return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
            }

            return new Options(
                Value("--api", "src/Api/bin/Release/net10.0/Navixy.Panel.Api.dll"),
                Value("--postgres", Environment.GetEnvironmentVariable("NAVIXY_BENCH_POSTGRES") ?? string.Empty),
                Value("--out", "benchmarks/results/latest.md"),
                Value("--sizes", "10000,100000,1000000").Split(',').Select(s => int.Parse(s, Invariant)).ToArray(),
                Value("--providers", "Sqlite,Postgres").Split(','),
                int.Parse(Value("--wrk-seconds", "5"), Invariant),
                int.Parse(Value("--warmup-seconds", "8"), Invariant),
                Value("--cells", string.Join(',', AllCells)).Split(',') is var cells && cells.Except(AllCells).ToArray() is { Length: > 0 } unknown
                    ? throw new ArgumentException($"--cells: unknown {string.Join(", ", unknown)}; known: {string.Join(", ", AllCells)}")
                    : cells,
                Value("--import-rows", "1000,10000").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, Invariant)).Where(n => n > 0).ToArray(),
                int.Parse(Value("--audit-events", "10000000"), Invariant),
                Value("--requests", string.Empty) is { Length: > 0 } requests ? requests : null,
                "benchmarks/run.sh" + string.Concat(ExtraArguments(args).Select(a => " " + a)));
        }

        /// <summary>The arguments given to benchmarks/run.sh itself (it supplies --api, --postgres and --out).</summary>
        private static IEnumerable<string> ExtraArguments(string[] args)
        {
            for (var i = 0; i < args.Length; i++)
            {
                if (args[i] is "--api" or "--postgres" or "--out")
                {
                    i++;
                    continue;
                }

                yield return args[i];
            }
        }
    }
}

/// <summary>One provider: the service process, its database and the measurements taken against it.</summary>
internal sealed class ProviderRun : IAsyncDisposable
{
    private readonly Program.Options _options;
    private readonly string _folder;
    private readonly string? _connectionString;
    private readonly string? _database;
    private Process _api = null!;
    private HttpClient _http = null!;
    private int _port;

    private ProviderRun(string provider, Program.Options options)
    {
        Provider = provider;
        _options = options;
        _folder = Path.Combine(Path.GetTempPath(), "navixy-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        if (provider == "Postgres")
        {
            _database = "navixy_bench_" + Guid.NewGuid().ToString("N");
            using var connection = new NpgsqlConnection(options.Postgres);
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", connection);
            create.ExecuteNonQuery();
            _connectionString = new NpgsqlConnectionStringBuilder(options.Postgres) { Database = _database, CommandTimeout = 600 }.ConnectionString;
        }
    }

    public string Provider { get; }

    internal HttpClient Http => _http;

    private IEnumerable<string> Configuration =>
    [
        $"--Storage:DataDirectory={_folder}",
        $"--Database:Provider={Provider}",
        $"--Bootstrap:AdminPassword={Program.AdminPassword}",
        "--Logging:LogLevel:Default=Warning",
        // A pass a second (300 s by default), so the housekeeping cells see a purge start right after they fill a table.
        "--Housekeeping:IntervalSeconds=1",
        // wrk measures throughput from one address: the per-session and per-address limit would cap it.
        "--Protocol:RateLimit:PerSecond=0",
        .. _connectionString is null ? Array.Empty<string>() : [$"--ConnectionStrings:Panel={_connectionString}"],
    ];

    public static async Task<ProviderRun> StartAsync(string provider, Program.Options options)
    {
        var run = new ProviderRun(provider, options);
        await run.StartApiAsync();
        return run;
    }

    /// <summary>
    /// Between wrk cells: when wrk stops, the requests it abandoned are still finishing (a queue of selected updates
    /// waiting for the dealer lock takes up to a second), and that work must not land in the next cell.
    /// </summary>
    private static readonly TimeSpan CellPause = TimeSpan.FromSeconds(2);

    public async Task MeasureAsync(Report report)
    {
        Console.WriteLine($"== {Provider}");
        if (new[] { "bulk", "notify", "selected", "dryrun", "provenance", "throughput" }.Any(_options.Runs))
        {
            await MeasureDealersAsync(report);
        }

        if (_options.Runs("login"))
        {
            report.Logins.Add(await MeasureLoginAsync((await NewDealerAsync("Bench login")).Hash));
        }

        if (_options.Runs("import"))
        {
            var other = await NewDealerAsync("Bench import, other dealer");
            foreach (var rows in _options.ImportRows)
            {
                report.Imports.Add(await MeasureImportAsync(rows, other.Hash));
            }
        }

        if (_options.Runs("ratelimit"))
        {
            report.RateLimits.Add(await RateLimitCells.MeasureAsync(this, _options.WarmupSeconds));
        }

        if (_options.Runs("purge"))
        {
            report.Purges.Add(await HousekeepingCells.MeasurePurgeAsync(this));
        }

        if (_options.Runs("growth"))
        {
            report.Growth.AddRange(await HousekeepingCells.MeasureGrowthAsync(this));
        }

        if (_options.Runs("audit"))
        {
            report.Audits.Add(await AuditCells.MeasureAsync(this, _options.Sizes[^1], _options.AuditEvents));
        }
    }

    /// <summary>A dealer with a panel account holding every user permission, through the management commands; its id and a session hash.</summary>
    internal async Task<(long Dealer, string Hash)> NewDealerAsync(string name, string permissions = "users:read,users:update,users:create")
    {
        var dealer = long.Parse(await Manage("dealer", "create", "--name", name), CultureInfo.InvariantCulture);
        var login = "bench-" + Guid.NewGuid().ToString("N")[..12];
        await Manage("account", "create", "--dealer", dealer.ToString(CultureInfo.InvariantCulture), "--login", login, "--password", Program.AccountPassword, "--permissions", permissions);
        return (dealer, (await Post("panel/account/auth", new { login, password = Program.AccountPassword })).GetProperty("hash").GetString()!);
    }

    private async Task MeasureDealersAsync(Report report)
    {
        var hashOfUser = new PasswordHasher<object>().HashPassword(new object(), Program.UserPassword);
        var dealers = new List<(int Size, long Dealer, string Hash)>();
        foreach (var size in _options.Sizes)
        {
            var (dealer, hash) = await NewDealerAsync($"Bench {size}");
            await using var connection = Connect();
            await connection.OpenAsync();
            var took = await UserGenerator.GenerateAsync(connection, dealer, size, hashOfUser);
            Console.WriteLine($"   dealer {dealer}: {size} users (+{size / 10} sub-users) generated in {took.TotalSeconds:F1} s");
            dealers.Add((size, dealer, hash));
        }

        foreach (var (size, dealer, hash) in dealers)
        {
            if (_options.Runs("bulk"))
            {
                report.Bulk.Add(await MeasureBulkAsync(size, dealer, hash));
            }

            if (_options.Runs("notify"))
            {
                report.Notify.Add(await MeasureNotifiedBulkAsync(size, dealer, hash));
            }

            if (_options.Runs("selected"))
            {
                report.Selected.Add(await MeasureSelectedAsync(size, dealer, hash));
            }

            if (_options.Runs("dryrun"))
            {
                report.DryRuns.Add(await ProvenanceCells.MeasureDryRunAsync(this, size, hash, await SomeMastersAsync(dealer, 100)));
            }
        }

        if (_options.Runs("provenance"))
        {
            var (size, dealer, hash) = dealers[^1];
            report.Provenance.AddRange(await ProvenanceCells.MeasureReadsAsync(this, size, hash, await MasterRangeAsync(dealer)));
        }

        if (!_options.Runs("throughput"))
        {
            return;
        }

        await SettleAsync();
        var (largest, largestDealer, largestHash) = dealers[^1];
        var userId = await FirstMasterAsync(largestDealer);
        var masters = await MasterRangeAsync(largestDealer);
        var ids = await SomeMastersAsync(largestDealer, 100);
        // user/read twice: one user over and over (served by the read cache after the first call), and a random
        // master of the million on each call, which the cache (20,000 entries) almost never holds: the database path.
        var targets = new (string Name, string Action, object Body, string? Hash, (long, long)? RandomUsers)[]
        {
            ("error 3 (ceiling)", "panel/user/mfa/settings/default/read", new { }, null, null),
            ("default/read", "panel/user/mfa/settings/default/read", new { }, largestHash, null),
            ("user/read", "panel/user/read", new { user_id = userId }, largestHash, null),
            ("user/read, random users", "panel/user/read", new { user_id = userId }, largestHash, masters),
            // panel/user/list: the first page with its count, and searches through the substring index:
            // one login (about 11 matches with the sub-users' left out), a last name (about 1,100), every user.
            ("list, first page", "panel/user/list", new { limit = 50 }, largestHash, null),
            ("list, first page by last_name", "panel/user/list", new { order_by = "last_name", limit = 50 }, largestHash, null),
            ("list, search of few", "panel/user/list", new { filter = $"bulk{largestDealer}-99999", limit = 50 }, largestHash, null),
            ("list, search of 1,100", "panel/user/list", new { filter = "last777", limit = 50 }, largestHash, null),
            // A deep page: the offset is walked along the order's index, so its cost grows with the offset.
            (string.Create(CultureInfo.InvariantCulture, $"list, page at offset {largest / 2:N0}"), "panel/user/list", new { offset = largest / 2, limit = 50 }, largestHash, null),
            (string.Create(CultureInfo.InvariantCulture, $"list, page at offset {largest / 2:N0} by last_name"), "panel/user/list", new { order_by = "last_name", offset = largest / 2, limit = 50 }, largestHash, null),
            ("update 100 selected", "panel/user/mfa/settings/update", new { target = new { type = "selected", ids }, settings = new { type = "disallowed" } }, largestHash, null),
        };
        // One request at a time, reads first: a request's cells never follow the writes of the update cells (on
        // PostgreSQL their dead row versions would bring autovacuum of the whole users table into the read cells).
        // Warm-up, not reported: the JIT's tiered compilation settles (on two cores the background tier-1 compiler
        // takes 10-20 s of load to catch up) and, at the largest connection count, the connection pool grows to
        // its steady size, so no cell pays for opening PostgreSQL backends.
        int[] connectionCounts = [1, 16, 64];
        foreach (var (name, action, body, hash, randomUsers) in targets.Where(t => _options.Requests is not { } only || t.Name.Contains(only, StringComparison.Ordinal)))
        {
            var url = new Uri(_http.BaseAddress!, "v2/" + action);
            await Wrk.RunAsync(url, JsonSerializer.Serialize(body), hash, connectionCounts[^1], _options.WarmupSeconds, randomUsers);
            await Task.Delay(CellPause);
            foreach (var connections in connectionCounts)
            {
                var result = await Wrk.RunAsync(url, JsonSerializer.Serialize(body), hash, connections, _options.WrkSeconds, randomUsers);
                await Task.Delay(CellPause);
                report.Throughput.Add(new ThroughputRow(Provider, largest, name, connections, result));
                Console.WriteLine($"   wrk {name} x{connections}: {result.RequestsPerSecond:F0} req/s, p50 {result.P50Ms:F2} ms, p99 {result.P99Ms:F2} ms");
                await WaitUntilIdleAsync();
            }
        }

        // A search matching every user takes seconds: under wrk the requests it abandons at its 2 s timeout pile up
        // and kept both cores (and the thread pool) busy for minutes into the cells after it. Timed one at a time instead.
        if (_options.Requests is not { } only || "list, search of all".Contains(only, StringComparison.Ordinal))
        {
            report.Provenance.Add(await ProvenanceCells.MeasureOneAtATimeAsync(this, largest, largestHash, "list, search of all (`example`)", "panel/user/list", new { filter = "example", limit = 50 }, calls: 5));
        }
    }

    /// <summary>
    /// One dealer uploads <paramref name="rows"/> users while another dealer's user signs in and its panel reads
    /// the (cached) default settings, one request after another: their latency idle and during the upload.
    /// </summary>
    private async Task<ImportRow> MeasureImportAsync(int rows, string otherPanelHash)
    {
        var login = $"import-bench-{Guid.NewGuid():N}@example.com";
        await Post("panel/user/create", new
        {
            user = new { login, first_name = "Other", last_name = "Dealer", legal_type = "individual" },
            password = Program.UserPassword,
            locale = "en_US",
            time_zone = "UTC",
        }, otherPanelHash);
        var importer = long.Parse(await Manage("dealer", "create", "--name", $"Import {rows}"), CultureInfo.InvariantCulture);
        var importerLogin = $"import{rows}-{Guid.NewGuid():N}"[..24];
        await Manage("account", "create", "--dealer", importer.ToString(CultureInfo.InvariantCulture), "--login", importerLogin, "--password", Program.AccountPassword, "--permissions", "users:read,users:create");
        var importerHash = (await Post("panel/account/auth", new { login = importerLogin, password = Program.AccountPassword })).GetProperty("hash").GetString()!;
        var csv = new System.Text.StringBuilder("login;first_name;last_name;legal_type;password\n");
        for (var i = 0; i < rows; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"imported{i}-{importer}@example.com;Ann;Lee;individual;Import-Passw0rd{i}\n");
        }

        async Task<(double Auth, double Read)> OneOfEachAsync()
        {
            var watch = Stopwatch.StartNew();
            await Post("user/auth", new { login, password = Program.UserPassword });
            var auth = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            await Post("panel/user/mfa/settings/default/read", new { }, otherPanelHash);
            return (auth, watch.Elapsed.TotalMilliseconds);
        }

        var idle = new List<(double Auth, double Read)>();
        for (var run = 0; run < 35; run++)
        {
            idle.Add(await OneOfEachAsync());
        }

        idle.RemoveRange(0, 5);
        using var uploadClient = new HttpClient { BaseAddress = _http.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        using var content = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv.ToString())), "file", "users.csv" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "v2/panel/user/upload") { Content = content };
        request.Headers.TryAddWithoutValidation("Authorization", "NVX " + importerHash);
        var uploadWatch = Stopwatch.StartNew();
        var upload = uploadClient.SendAsync(request);
        var during = new List<(double Auth, double Read)>();
        var failedDuring = 0;
        // A refusal during the upload (14: SQLite's busy timeout) is a finding, not the end of the run: it is counted,
        // its time kept, and the service goes on, so its warnings show what held the database.
        async Task<(double Auth, double Read)> DuringAsync()
        {
            var watch = Stopwatch.StartNew();
            try
            {
                return await OneOfEachAsync();
            }
            catch (InvalidOperationException ex)
            {
                failedDuring++;
                Console.WriteLine($"   during the upload: {ex.Message}");
                return (watch.Elapsed.TotalMilliseconds, watch.Elapsed.TotalMilliseconds);
            }
        }

        while (!upload.IsCompleted)
        {
            during.Add(await DuringAsync());
        }

        using var reply = await upload;
        var uploadMs = uploadWatch.Elapsed.TotalMilliseconds;
        var body = await reply.Content.ReadAsStringAsync();
        if (!body.Contains("\"success\":true", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"upload of {rows} rows failed: {body}");
        }

        // The passwords are hashed in the background after the reply: the other dealer is measured until the last one.
        while (await PendingPasswordsAsync() > 0)
        {
            during.Add(await DuringAsync());
        }

        var hashedMs = uploadWatch.Elapsed.TotalMilliseconds;
        var row = new ImportRow(Provider, rows, uploadMs, hashedMs, during.Count,
            Program.Percentile(idle.Select(r => r.Auth), 50), Program.Percentile(idle.Select(r => r.Auth), 99),
            Program.Percentile(during.Select(r => r.Auth), 50), Program.Percentile(during.Select(r => r.Auth), 99),
            Program.Percentile(idle.Select(r => r.Read), 99), Program.Percentile(during.Select(r => r.Read), 99), failedDuring);
        Console.WriteLine($"   upload {rows}: reply {uploadMs:F0} ms, every password hashed {hashedMs:F0} ms; other dealer's user/auth p50/p99 idle {row.AuthIdleP50Ms:F1}/{row.AuthIdleP99Ms:F1} ms, during {row.AuthDuringP50Ms:F1}/{row.AuthDuringP99Ms:F1} ms ({row.SamplesDuring} samples); default/read p99 idle {row.ReadIdleP99Ms:F1}, during {row.ReadDuringP99Ms:F1} ms; {failedDuring} failed during");
        return row;
    }

    private async Task<long> PendingPasswordsAsync()
    {
        using var health = JsonDocument.Parse(await _http.GetStringAsync(new Uri("/health", UriKind.Relative)));
        return health.RootElement.GetProperty("pending_passwords").GetInt64();
    }

    private async Task<BulkRow> MeasureBulkAsync(int size, long dealer, string hash)
    {
        var runs = size >= 1_000_000 ? 3 : 5;
        var api = new List<double>();
        var raw = new List<double>();
        var memory = new List<double>();
        var allowed = false;
        for (var run = 0; run < runs; run++)
        {
            allowed = !allowed;
            var (ms, mb) = await TimedUpdateAllAsync(allowed, hash);
            api.Add(ms);
            memory.Add(mb);

            allowed = !allowed;
            raw.Add(await RawUpdateAllAsync(dealer, allowed));
        }

        var row = new BulkRow(Provider, size, runs, Program.Median(api), Program.Median(raw), memory.Max());
        Console.WriteLine($"   update all {size}: api {row.ApiMs:F0} ms, raw SQL {row.RawMs:F0} ms, ratio {row.Ratio:F2}, peak memory +{row.PeakMemoryMb:F1} MB");
        return row;
    }

    /// <summary>
    /// <c>update</c> all turning every master user off under the default <c>Notifications:MfaChanges=TurnedOff</c>, so
    /// the statement also marks each of them for a notice (and records one batch), against the raw <c>UPDATE</c> making
    /// the same change. Each timed change starts from all users on (set by raw SQL, untimed). The notices then go out
    /// in the background at <c>Notifications:MaxPerSecond</c> while the later cells run.
    /// </summary>
    private async Task<BulkRow> MeasureNotifiedBulkAsync(int size, long dealer, string hash)
    {
        var runs = size >= 1_000_000 ? 3 : 5;
        var api = new List<double>();
        var raw = new List<double>();
        var memory = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            await RawUpdateAllAsync(dealer, allowed: true);
            var (ms, mb) = await TimedUpdateAllAsync(allowed: false, hash);
            api.Add(ms);
            memory.Add(mb);

            await RawUpdateAllAsync(dealer, allowed: true);
            raw.Add(await RawUpdateAllAsync(dealer, allowed: false));
        }

        var row = new BulkRow(Provider, size, runs, Program.Median(api), Program.Median(raw), memory.Max());
        Console.WriteLine($"   update all off, notices recorded, {size}: api {row.ApiMs:F0} ms, raw SQL {row.RawMs:F0} ms, ratio {row.Ratio:F2}, peak memory +{row.PeakMemoryMb:F1} MB");
        return row;
    }

    /// <summary><c>update</c> with target all through HTTP: its time and the API's peak memory growth during it.</summary>
    private async Task<(double Ms, double PeakMemoryMb)> TimedUpdateAllAsync(bool allowed, string hash)
    {
        var baseline = ResetPeakMemory();
        var watch = Stopwatch.StartNew();
        await Post("panel/user/mfa/settings/update", new { target = new { type = "all" }, settings = Settings(allowed) }, hash);
        return (watch.Elapsed.TotalMilliseconds, Math.Max(0, PeakMemory() - baseline) / 1024.0 / 1024.0);
    }

    private async Task<SelectedRow> MeasureSelectedAsync(int size, long dealer, string hash)
    {
        var latencies = new List<double>();
        for (var run = 0; run < 60; run++)
        {
            var ids = await SomeMastersAsync(dealer, 100, seed: run);
            var watch = Stopwatch.StartNew();
            await Post("panel/user/mfa/settings/update", new { target = new { type = "selected", ids }, settings = Settings(run % 2 == 0) }, hash);
            latencies.Add(watch.Elapsed.TotalMilliseconds);
        }

        latencies.RemoveRange(0, 10); // warm-up
        var row = new SelectedRow(Provider, size, Program.Median(latencies), Program.Percentile(latencies, 99));
        Console.WriteLine($"   update 100 selected of {size}: median {row.MedianMs:F2} ms, p99 {row.P99Ms:F2} ms");
        return row;
    }

    private async Task<LoginRow> MeasureLoginAsync(string panelHash)
    {
        var auth = new List<double>();
        var verify = new List<double>();
        for (var run = 0; run < 25; run++)
        {
            // A user of its own per login: one user gets at most five code mails per 15 minutes.
            var login = $"login-bench-{Guid.NewGuid():N}@example.com";
            await Post("panel/user/create", new
            {
                user = new { login, first_name = "Login", last_name = "Bench", legal_type = "individual", dealer_mfa_settings = new { type = "allowed", factor_types = new[] { "email" } } },
                password = Program.UserPassword,
                locale = "en_US",
                time_zone = "UTC",
            }, panelHash);
            var watch = Stopwatch.StartNew();
            var secondFactor = (await Post("user/auth", new { login, password = Program.UserPassword })).GetProperty("hash").GetString()!;
            auth.Add(watch.Elapsed.TotalMilliseconds);
            var code = Directory.GetFiles(Path.Combine(_folder, "mail"), "*.eml").Select(File.ReadAllText)
                .Where(t => t.Contains(login, StringComparison.Ordinal)).Select(t => Program.CodePattern().Match(t).Groups[1].Value)
                .Single();
            watch.Restart();
            await Post("user/auth/code/verify", new { code }, secondFactor);
            verify.Add(watch.Elapsed.TotalMilliseconds);
        }

        var hasher = new PasswordHasher<object>();
        var stored = hasher.HashPassword(new object(), Program.UserPassword);
        var hashing = new List<double>();
        for (var run = 0; run < 25; run++)
        {
            var watch = Stopwatch.StartNew();
            hasher.VerifyHashedPassword(new object(), stored, Program.UserPassword);
            hashing.Add(watch.Elapsed.TotalMilliseconds);
        }

        auth.RemoveRange(0, 5);
        verify.RemoveRange(0, 5);
        var row = new LoginRow(Provider, Program.Median(auth), Program.Median(verify), Program.Median(hashing));
        Console.WriteLine($"   login: user/auth {row.AuthMs:F1} ms (password hashing {row.HashingMs:F1} ms), verify {row.VerifyMs:F1} ms");
        return row;
    }

    internal static object Settings(bool allowed) => allowed ? new { type = "allowed", factor_types = new[] { "email" } } : new { type = "disallowed" };

    /// <summary>The same change as <c>update</c> with target all, as one raw SQL statement in a transaction.</summary>
    internal async Task<double> RawUpdateAllAsync(long dealer, bool allowed)
    {
        await using var connection = Connect();
        await connection.OpenAsync();
        var watch = Stopwatch.StartNew();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandTimeout = 600;
        command.CommandText = "UPDATE users SET mfa_allowed = @allowed, mfa_factor_types = @types, mfa_updated_at = @now WHERE dealer_id = @dealer AND master_id IS NULL";
        Add(command, "@allowed", allowed);
        Add(command, "@types", allowed ? 1 : 0);
        Add(command, "@now", DateTime.UtcNow);
        Add(command, "@dealer", dealer);
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>
    /// On PostgreSQL, vacuums and checkpoints after the bulk runs (millions of dead row versions), so the wrk cells
    /// measure the requests rather than autovacuum working through them on the same two cores.
    /// </summary>
    private async Task SettleAsync()
    {
        if (Provider != "Postgres")
        {
            return;
        }

        await using var connection = Connect();
        await connection.OpenAsync();
        foreach (var statement in new[] { "VACUUM ANALYZE users", "VACUUM ANALYZE dealers", "CHECKPOINT" })
        {
            await using var command = connection.CreateCommand();
            command.CommandTimeout = 600;
            command.CommandText = statement;
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>
    /// Waits (up to five minutes) until the service uses under a tenth of a core over a second: requests wrk abandoned
    /// at its timeout (a search of every user) still run after the cell and must not land in the next one.
    /// </summary>
    private async Task WaitUntilIdleAsync()
    {
        static long CpuTicks(int pid)
        {
            // Fields 14 and 15 of /proc/<pid>/stat (after the parenthesised name): user and system time in clock ticks.
            var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }

        for (var waited = 0; waited < 300; waited++)
        {
            var before = CpuTicks(_api.Id);
            await Task.Delay(TimeSpan.FromSeconds(1));
            if (CpuTicks(_api.Id) - before < 10)
            {
                return;
            }
        }
    }

    private async Task<long> FirstMasterAsync(long dealer) => (await SomeMastersAsync(dealer, 1))[0];

    internal async Task<long[]> SomeMastersAsync(long dealer, int count, int seed = 0)
    {
        var (min, max) = await MasterRangeAsync(dealer);
        var random = new Random(seed);
        var ids = new HashSet<long>();
        while (ids.Count < count)
        {
            // The generator inserts a dealer's masters in one statement and its sub-users after them, so every id
            // in [min, max] is a master user of the dealer.
            ids.Add(min + random.NextInt64(max - min + 1));
        }

        return [.. ids];
    }

    /// <summary>The lowest and highest id of the dealer's master users.</summary>
    internal async Task<(long Min, long Max)> MasterRangeAsync(long dealer)
    {
        await using var connection = Connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MIN(id), MAX(id) FROM users WHERE dealer_id = @dealer AND master_id IS NULL";
        Add(command, "@dealer", dealer);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    internal static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    internal DbConnection Connect() => _connectionString is null
        ? new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "panel.db"), DefaultTimeout = 600 }.ToString())
        : new NpgsqlConnection(_connectionString);

    internal async Task<JsonElement> Post(string action, object parameters, string? hash = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v2/" + action) { Content = JsonContent.Create(parameters) };
        if (hash is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "NVX " + hash);
        }

        using var response = await _http.SendAsync(request);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        if (!body.GetProperty("success").GetBoolean())
        {
            throw new InvalidOperationException($"{action} failed: {body}");
        }

        return body;
    }

    /// <summary>Resets the process's peak resident memory (Linux clear_refs 5); returns the current resident memory in bytes.</summary>
    private long ResetPeakMemory()
    {
        File.WriteAllText($"/proc/{_api.Id}/clear_refs", "5");
        return ReadStatus("VmRSS:");
    }

    private long PeakMemory() => ReadStatus("VmHWM:");

    private long ReadStatus(string field)
    {
        var line = File.ReadLines($"/proc/{_api.Id}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    internal async Task<string> Manage(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { _options.Api }.Concat(args).Concat(Configuration))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output.Trim() : throw new InvalidOperationException($"{string.Join(' ', args)}: {error}");
    }

    /// <summary>Stops the service and starts it again on the same database, with <paramref name="settings"/> after the run's own.</summary>
    internal async Task RestartApiAsync(params string[] settings)
    {
        _http.Dispose();
        _api.Kill(entireProcessTree: true);
        await _api.WaitForExitAsync();
        await StartApiAsync(settings);
    }

    private async Task StartApiAsync(params string[] settings)
    {
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            _port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        // The command line's last value of a key wins, so the extra settings override the run's.
        foreach (var arg in new[] { _options.Api, $"--urls=http://127.0.0.1:{_port}" }.Concat(Configuration).Concat(settings))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        _api = Process.Start(start)!;
        // The service logs at Warning: its warnings and errors are worth seeing next to the figures they may explain.
        _api.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && (line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("      ", StringComparison.Ordinal)))
            {
                Console.Error.WriteLine("   api: " + line);
            }
        };
        _api.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("   api: " + e.Data);
            }
        };
        _api.BeginOutputReadLine();
        _api.BeginErrorReadLine();
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_port}/"), Timeout = TimeSpan.FromMinutes(10) };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                using var health = await _http.GetAsync("health");
                if (health.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("the service did not start");
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        if (_api is { HasExited: false })
        {
            _api.Kill(entireProcessTree: true);
            await _api.WaitForExitAsync();
        }

        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_options.Postgres);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }
}
