using System.Diagnostics;
using System.Net;

namespace Navixy.Panel.Benchmarks;

internal sealed record RateLimitRow(
    string Provider, int Limit, int FloodConnections, double FloodRequestsPerSecond, double FloodServedPerSecond, long FloodRefused,
    int OtherRequests, int OtherRefused, double OtherIdleP50Ms, double OtherIdleP99Ms, double OtherDuringP50Ms, double OtherDuringP99Ms);

/// <summary>
/// The API limit's cell (<c>--cells ratelimit</c>): the service restarted with <c>Protocol:RateLimit:PerSecond</c> at
/// Navixy's 50, then one session hash floods <c>default/read</c> with wrk while another dealer's hash reads its default
/// 20 times a second, one request after another. Reported: what the flood got served (at most the limit each second),
/// how many of its requests were refused with 15, and the other hash's latency idle and during the flood, and its refusals
/// (none expected). The service is restarted without the limit afterwards, for the cells that follow.
/// </summary>
internal static class RateLimitCells
{
    private const int Limit = 50;
    private const int FloodSeconds = 10;
    private const int FloodConnections = 16;
    private static readonly TimeSpan OtherInterval = TimeSpan.FromMilliseconds(50);

    public static async Task<RateLimitRow> MeasureAsync(ProviderRun run, int wrkWarmupSeconds)
    {
        var flood = await run.NewDealerAsync("Bench rate limit, flood");
        var other = await run.NewDealerAsync("Bench rate limit, other");
        await run.RestartApiAsync($"--Protocol:RateLimit:PerSecond={Limit}");
        try
        {
            var url = new Uri(run.Http.BaseAddress!, "v2/panel/user/mfa/settings/default/read");
            // Warm-up of the refusal path and the cached read, then a quiet second so the other hash starts a fresh window.
            await Wrk.RunAsync(url, "{}", flood.Hash, FloodConnections, wrkWarmupSeconds);
            await Task.Delay(TimeSpan.FromSeconds(2));
            var idle = await PaceAsync(run, other.Hash, TimeSpan.FromSeconds(5));

            using var stop = new CancellationTokenSource();
            var during = PaceAsync(run, other.Hash, TimeSpan.FromSeconds(FloodSeconds), stop.Token);
            var result = await Wrk.RunAsync(url, "{}", flood.Hash, FloodConnections, FloodSeconds);
            await stop.CancelAsync();
            var otherDuring = await during;

            var row = new RateLimitRow(
                run.Provider, Limit, FloodConnections, result.RequestsPerSecond, (result.Requests - result.Non2xx) / result.Seconds, result.Non2xx,
                otherDuring.Latencies.Count, otherDuring.Refused,
                Program.Percentile(idle.Latencies, 50), Program.Percentile(idle.Latencies, 99),
                Program.Percentile(otherDuring.Latencies, 50), Program.Percentile(otherDuring.Latencies, 99));
            Console.WriteLine($"   rate limit {Limit}/s: flood x{FloodConnections} {row.FloodRequestsPerSecond:F0} req/s, served {row.FloodServedPerSecond:F1}/s, refused {row.FloodRefused}; other hash {row.OtherRequests} requests, {row.OtherRefused} refused, p50/p99 idle {row.OtherIdleP50Ms:F2}/{row.OtherIdleP99Ms:F2} ms, during {row.OtherDuringP50Ms:F2}/{row.OtherDuringP99Ms:F2} ms");
            return row;
        }
        finally
        {
            await run.RestartApiAsync();
        }
    }

    /// <summary>Reads the default every <see cref="OtherInterval"/> for <paramref name="length"/>: latencies of the served ones, and the refusals.</summary>
    private static async Task<(List<double> Latencies, int Refused)> PaceAsync(ProviderRun run, string hash, TimeSpan length, CancellationToken cancellationToken = default)
    {
        var latencies = new List<double>();
        var refused = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < length && !cancellationToken.IsCancellationRequested)
        {
            var next = clock.Elapsed + OtherInterval;
            using var request = new HttpRequestMessage(HttpMethod.Post, "v2/panel/user/mfa/settings/default/read") { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
            request.Headers.TryAddWithoutValidation("Authorization", "NVX " + hash);
            var watch = Stopwatch.StartNew();
            using var response = await run.Http.SendAsync(request, CancellationToken.None);
            var elapsed = watch.Elapsed.TotalMilliseconds;
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused++;
            }
            else
            {
                latencies.Add(elapsed);
            }

            if (next > clock.Elapsed)
            {
                await Task.Delay(next - clock.Elapsed, CancellationToken.None);
            }
        }

        return (latencies, refused);
    }
}
