using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;

namespace Navixy.Panel.Benchmarks;

internal sealed record LatencySummary(int Requests, double PerSecond, double P50Ms, double P99Ms, int Refused);

/// <summary>
/// Workers that each send <c>user/auth</c> one after another until stopped, with the body each worker's n-th
/// request carries; keeps every latency and counts the answers that were not a success.
/// </summary>
internal sealed class SignInLoad
{
    private readonly ConcurrentQueue<double> _latencies = new();
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _workers;
    private int _refused;
    private int _sent;

    public SignInLoad(HttpClient http, int workers, Func<int, int, object> body)
    {
        _workers = Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            for (var n = 0; !_stop.IsCancellationRequested; n++)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.PostAsJsonAsync("v2/user/auth", body(worker, n));
                var text = await response.Content.ReadAsStringAsync();
                _latencies.Enqueue(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Interlocked.Increment(ref _sent);
                if (!text.Contains("\"success\":true", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref _refused);
                }
            }
        })));
    }

    /// <summary>Requests answered so far.</summary>
    public int Sent => Volatile.Read(ref _sent);

    public async Task<LatencySummary> StopAsync()
    {
        await _stop.CancelAsync();
        await _workers;
        var latencies = _latencies.ToArray();
        return new LatencySummary(latencies.Length, latencies.Length / _watch.Elapsed.TotalSeconds, Program.Percentile(latencies, 50), Program.Percentile(latencies, 99), _refused);
    }
}
