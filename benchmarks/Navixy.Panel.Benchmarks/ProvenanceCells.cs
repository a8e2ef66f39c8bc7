using System.Diagnostics;

namespace Navixy.Panel.Benchmarks;

internal sealed record DryRunRow(string Provider, int Users, int Runs, double AllMs, double SelectedMs, double DefaultMs);

internal sealed record ProvenanceRow(string Provider, int Users, string Request, double P50Ms, double P99Ms);

/// <summary>
/// The cells of the provenance and dry-run extensions. <c>dryrun</c>: <c>update</c> with <c>dry_run</c> for target all and
/// for 100 selected ids, and <c>default/update</c> with <c>dry_run</c>, at each dealer size (target: all at 1M users
/// under 1 s). <c>provenance</c>: on the largest dealer, <c>user/read</c> of random masters (the read cache misses, so
/// every call reads the user and the default) and the first page of <c>user/list</c> filtered and ordered by
/// <c>mfa_allowed</c>, one request at a time.
/// </summary>
internal static class ProvenanceCells
{
    private const int SequentialCalls = 200;
    private const int WarmupCalls = 20;
    private static readonly object Allowed = new { type = "allowed", factor_types = new[] { "email" } };

    public static async Task<DryRunRow> MeasureDryRunAsync(ProviderRun run, int size, string hash, long[] ids)
    {
        var runs = size >= 1_000_000 ? 3 : 5;
        var all = new List<double>();
        var selected = new List<double>();
        var byDefault = new List<double>();
        for (var i = 0; i < runs + 1; i++)
        {
            all.Add(await TimeAsync(() => run.Post("panel/user/mfa/settings/update", new { target = new { type = "all" }, settings = Allowed, dry_run = true }, hash)));
            selected.Add(await TimeAsync(() => run.Post("panel/user/mfa/settings/update", new { target = new { type = "selected", ids }, settings = Allowed, dry_run = true }, hash)));
            byDefault.Add(await TimeAsync(() => run.Post("panel/user/mfa/settings/default/update", new { settings = Allowed, dry_run = true }, hash)));
        }

        // The first round warms the plans and the page cache.
        var row = new DryRunRow(run.Provider, size, runs, Program.Median(all.Skip(1)), Program.Median(selected.Skip(1)), Program.Median(byDefault.Skip(1)));
        Console.WriteLine($"   dry run of {size}: all {row.AllMs:F0} ms, 100 selected {row.SelectedMs:F1} ms, default {row.DefaultMs:F0} ms");
        return row;
    }

    public static async Task<List<ProvenanceRow>> MeasureReadsAsync(ProviderRun run, int size, string hash, (long Min, long Max) masters)
    {
        var random = new Random(17);
        var requests = new (string Name, string Action, Func<object> Body)[]
        {
            ("user/read, random users", "panel/user/read", () => new { user_id = masters.Min + random.NextInt64(masters.Max - masters.Min + 1) }),
            ("list, mfa_allowed=true, first page", "panel/user/list", () => new { mfa_allowed = true, limit = 50 }),
            ("list, mfa_allowed=false, first page", "panel/user/list", () => new { mfa_allowed = false, limit = 50 }),
            ("list, order_by=mfa_allowed, first page", "panel/user/list", () => new { order_by = "mfa_allowed", ascending = false, limit = 50 }),
        };
        var rows = new List<ProvenanceRow>();
        foreach (var (name, action, body) in requests)
        {
            // The list cells count the dealer's users on every call, so fewer of them.
            var calls = action == "panel/user/read" ? SequentialCalls : SequentialCalls / 10;
            var latencies = new List<double>();
            for (var i = 0; i < calls + WarmupCalls; i++)
            {
                latencies.Add(await TimeAsync(() => run.Post(action, body(), hash)));
            }

            latencies.RemoveRange(0, WarmupCalls);
            var row = new ProvenanceRow(run.Provider, size, name, Program.Percentile(latencies, 50), Program.Percentile(latencies, 99));
            Console.WriteLine($"   {name}: p50 {row.P50Ms:F2} ms, p99 {row.P99Ms:F2} ms");
            rows.Add(row);
        }

        return rows;
    }

    /// <summary><paramref name="calls"/> of one request, one after another after one warm-up call: a request too slow for wrk.</summary>
    public static async Task<ProvenanceRow> MeasureOneAtATimeAsync(ProviderRun run, int size, string hash, string name, string action, object body, int calls)
    {
        var latencies = new List<double>();
        for (var i = 0; i < calls + 1; i++)
        {
            latencies.Add(await TimeAsync(() => run.Post(action, body, hash)));
        }

        latencies.RemoveAt(0);
        var row = new ProvenanceRow(run.Provider, size, name, Program.Percentile(latencies, 50), Program.Percentile(latencies, 99));
        Console.WriteLine($"   {name}: p50 {row.P50Ms:F2} ms, p99 {row.P99Ms:F2} ms");
        return row;
    }

    private static async Task<double> TimeAsync(Func<Task> call)
    {
        var watch = Stopwatch.StartNew();
        await call();
        return watch.Elapsed.TotalMilliseconds;
    }
}
