using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Navixy.Panel.Benchmarks;

internal sealed record BulkRow(string Provider, int Users, int Runs, double ApiMs, double RawMs, double PeakMemoryMb)
{
    public double Ratio => ApiMs / RawMs;
}

internal sealed record SelectedRow(string Provider, int Users, double MedianMs, double P99Ms);

internal sealed record ThroughputRow(string Provider, int Users, string Request, int Connections, WrkResult Result);

internal sealed record LoginRow(string Provider, double AuthMs, double VerifyMs, double HashingMs);

internal sealed record ImportRow(
    string Provider, int Rows, double UploadMs, double HashedMs, int SamplesDuring, double AuthIdleP50Ms, double AuthIdleP99Ms, double AuthDuringP50Ms, double AuthDuringP99Ms, double ReadIdleP99Ms, double ReadDuringP99Ms, int FailedDuring);

/// <summary>Collects the measurements and renders docs/benchmarks.md's tables.</summary>
internal sealed class Report(Program.Options options)
{
    public List<BulkRow> Bulk { get; } = [];

    /// <summary>The bulk change that turns every user off and so records their notices (cell <c>notify</c>).</summary>
    public List<BulkRow> Notify { get; } = [];

    public List<SelectedRow> Selected { get; } = [];

    public List<DryRunRow> DryRuns { get; } = [];

    public List<ProvenanceRow> Provenance { get; } = [];

    public List<ThroughputRow> Throughput { get; } = [];

    public List<LoginRow> Logins { get; } = [];

    public List<PurgeRow> Purges { get; } = [];

    public List<GrowthRow> Growth { get; } = [];

    public List<ImportRow> Imports { get; } = [];

    public List<AuditRow> Audits { get; } = [];

    public List<RateLimitRow> RateLimits { get; } = [];

    public string ToMarkdown()
    {
        static string F(double value) => Program.Ms(value);
        var text = new StringBuilder();
        text.AppendLine("## Measured figures").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, {MemoryGiB():F0} GiB, {RuntimeInformation.OSDescription}; .NET {Environment.Version}; {Postgres()}.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Reproduce: `{options.Command}` (wrk runs {options.WrkSeconds} s per cell, after {options.WarmupSeconds} s of warm-up per request at 64 connections and with 2 s pauses between cells).").AppendLine();

        BulkTable(text, "### `update` with target all, through HTTP, against one raw SQL `UPDATE`", Bulk);
        if (Bulk.Count > 0 && Notify.Count > 0)
        {
            text.AppendLine();
        }

        BulkTable(text, "### `update` all turning MFA off, notices recorded in the same statement, against one raw SQL `UPDATE`", Notify);

        if (Selected.Count > 0)
        {
            text.AppendLine().AppendLine("### `update` with 100 selected ids, sequential (50 calls after 10 warm-up)").AppendLine();
            text.AppendLine("| provider | users of the dealer | median ms (target < 20) | p99 ms |");
            text.AppendLine("|---|---|---|---|");
            foreach (var row in Selected)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Provider} | {row.Users:N0} | {F(row.MedianMs)} | {F(row.P99Ms)} |");
            }
        }

        if (DryRuns.Count > 0)
        {
            text.AppendLine().AppendLine("### Dry runs (`dry_run: true`: counting only, nothing written; medians after one warm-up round)").AppendLine();
            text.AppendLine("| provider | users of the dealer | runs | `update` all ms (target < 1000 at 1M) | `update` 100 selected ms | `default/update` ms |");
            text.AppendLine("|---|---|---|---|---|---|");
            foreach (var row in DryRuns)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Provider} | {row.Users:N0} | {row.Runs} | {F(row.AllMs)} | {F(row.SelectedMs)} | {F(row.DefaultMs)} |");
            }
        }

        if (Provenance.Count > 0)
        {
            text.AppendLine().AppendLine("### Reads one request at a time (provenance; a search of every user), dealer with the most users").AppendLine();
            text.AppendLine("| provider | users | request | p50 ms | p99 ms |");
            text.AppendLine("|---|---|---|---|---|");
            foreach (var row in Provenance)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Provider} | {row.Users:N0} | {row.Request} | {F(row.P50Ms)} | {F(row.P99Ms)} |");
            }
        }

        if (Throughput.Count > 0)
        {
            text.AppendLine().AppendLine("### Throughput and latency (wrk, dealer with the most users)").AppendLine();
            text.AppendLine("| provider | request | connections | requests/s | share of the error-3 ceiling | p50 ms | p99 ms | non-2xx |");
            text.AppendLine("|---|---|---|---|---|---|---|---|");
            foreach (var row in Throughput)
            {
                // The ceiling is not measured when --requests leaves it out.
                var ceiling = Throughput.SingleOrDefault(t => t.Provider == row.Provider && t.Connections == row.Connections && t.Request.StartsWith("error 3", StringComparison.Ordinal))?.Result.RequestsPerSecond;
                var share = ceiling is { } c ? (row.Result.RequestsPerSecond / c).ToString("P0", CultureInfo.InvariantCulture) : "-";
                text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Provider} | {row.Request} | {row.Connections} | {row.Result.RequestsPerSecond:F0} | {share} | {F(row.Result.P50Ms)} | {F(row.Result.P99Ms)} | {row.Result.Non2xx} |");
            }
        }

        if (Logins.Count > 0)
        {
            text.AppendLine().AppendLine("### Login (`user/auth` with MFA, then `user/auth/code/verify`; medians of 20 after 5 warm-up)").AppendLine();
            text.AppendLine("| provider | user/auth ms | of which password hashing ms | code/verify ms |");
            text.AppendLine("|---|---|---|---|");
            foreach (var row in Logins)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Provider} | {F(row.AuthMs)} | {F(row.HashingMs)} | {F(row.VerifyMs)} |");
            }
        }

        if (Purges.Count > 0)
        {
            text.AppendLine().AppendLine("### Purge of 1,000,000 expired second-factor sessions while sign-ins run (`user/auth`, MFA off, 2 workers back to back)").AppendLine();
            text.AppendLine("| provider | rows | insert s | purge s (from the insert's commit until no expired row is left) | rows left | sign-ins idle: req/s, p50 ms, p99 ms | during the purge: req/s, p50 ms, p99 ms | refused during |");
            text.AppendLine("|---|---|---|---|---|---|---|---|");
            foreach (var row in Purges)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Provider} | {row.Rows:N0} | {row.InsertSeconds:F1} | {row.PurgeSeconds:F1} | {row.Left} | {row.Idle.PerSecond:F1}, {F(row.Idle.P50Ms)}, {F(row.Idle.P99Ms)} | {row.During.PerSecond:F1}, {F(row.During.P50Ms)}, {F(row.During.P99Ms)} | {row.During.Refused} |");
            }
        }

        if (Growth.Count > 0)
        {
            text.AppendLine().AppendLine("### Table sizes under sustained sign-ins with the purge on (an hour of the load's history first, then the load itself)").AppendLine();
            text.AppendLine("| provider | second | requests so far (history + sent) | second-factor sessions | login failures |");
            text.AppendLine("|---|---|---|---|---|");
            foreach (var row in Growth)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Provider} | {row.Second} | {row.Requests:N0} | {row.SecondFactorSessions:N0} | {row.LoginFailures:N0} |");
            }
        }

        if (Imports.Count > 0)
        {
            text.AppendLine().AppendLine("### Upload of users, and another dealer meanwhile (`user/auth`, cached `default/read`, one after another, from the upload until its last password is hashed in the background; idle: 30 after 5 warm-up)").AppendLine();
            text.AppendLine("| provider | rows | upload reply ms (target < 10,000) | every password hashed ms | user/auth p50 idle ms | p99 idle | p50 during | p99 during (target <= 2x idle) | default/read p99 idle ms | p99 during (target < 20) | samples during | failed during |");
            text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
            foreach (var row in Imports)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Provider} | {row.Rows:N0} | {F(row.UploadMs)} | {F(row.HashedMs)} | {F(row.AuthIdleP50Ms)} | {F(row.AuthIdleP99Ms)} | {F(row.AuthDuringP50Ms)} | {F(row.AuthDuringP99Ms)} | {F(row.ReadIdleP99Ms)} | {F(row.ReadDuringP99Ms)} | {row.SamplesDuring} | {row.FailedDuring} |");
            }
        }

        if (RateLimits.Count > 0)
        {
            text.AppendLine().AppendLine("### API limit: one session hash floods `default/read` (wrk), another reads its default 20 times a second").AppendLine();
            text.AppendLine("| provider | limit per second | flood connections | flood requests/s | flood served/s (target <= limit) | flood refused (15) | other hash requests | other refused (target 0) | other p50 idle ms | p99 idle | p50 during | p99 during |");
            text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
            foreach (var row in RateLimits)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Provider} | {row.Limit} | {row.FloodConnections} | {row.FloodRequestsPerSecond:F0} | {row.FloodServedPerSecond:F1} | {row.FloodRefused:N0} | {row.OtherRequests} | {row.OtherRefused} | {F(row.OtherIdleP50Ms)} | {F(row.OtherIdleP99Ms)} | {F(row.OtherDuringP50Ms)} | {F(row.OtherDuringP99Ms)} |");
            }
        }

        if (Audits.Count > 0)
        {
            text.AppendLine().AppendLine("### Security log: `panel/audit/list` of one user among many events, and `update` all with its event").AppendLine();
            text.AppendLine("| provider | events | users of the dealer | audit/list user_id p50 ms (target < 20) | p99 ms | update all API median ms | raw SQL median ms | ratio (target <= 1.5) |");
            text.AppendLine("|---|---|---|---|---|---|---|---|");
            foreach (var row in Audits)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Provider} | {row.Events:N0} | {row.Users:N0} | {F(row.ListP50Ms)} | {F(row.ListP99Ms)} | {F(row.UpdateApiMs)} | {F(row.UpdateRawMs)} | {row.UpdateApiMs / row.UpdateRawMs:F2} |");
            }
        }

        return text.ToString();
    }

    private static double MemoryGiB()
    {
        var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        return long.Parse(line["MemTotal:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0 / 1024.0;
    }

    private string Postgres()
    {
        if (string.IsNullOrEmpty(options.Postgres))
        {
            return "no PostgreSQL";
        }

        using var connection = new Npgsql.NpgsqlConnection(options.Postgres);
        connection.Open();
        return "PostgreSQL " + connection.PostgreSqlVersion;
    }

    private static void BulkTable(StringBuilder text, string title, List<BulkRow> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        text.AppendLine(title).AppendLine();
        text.AppendLine("| provider | users | runs | API median ms | raw SQL median ms | ratio (target <= 1.5) | API peak memory growth MB (target < 64) |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Provider} | {row.Users:N0} | {row.Runs} | {Program.Ms(row.ApiMs)} | {Program.Ms(row.RawMs)} | {row.Ratio:F2} | {row.PeakMemoryMb:F1} |");
        }
    }
}
