using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Navixy.Panel.Benchmarks;

/// <param name="Requests">Every request wrk completed, and <paramref name="Seconds"/> how long it ran for them.</param>
internal sealed record WrkResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Non2xx, long Requests, double Seconds);

/// <summary>Runs wrk (Debian package <c>wrk</c>) with a POST body and parses its latency distribution.</summary>
internal static partial class Wrk
{
    /// <param name="randomUserIds">
    /// When set, each request's body is <c>{"user_id": n}</c> with n drawn at random from the range (each wrk
    /// thread seeded apart), instead of <paramref name="body"/>.
    /// </param>
    public static async Task<WrkResult> RunAsync(Uri url, string body, string? hash, int connections, int seconds, (long Min, long Max)? randomUserIds = null)
    {
        var script = Path.GetTempFileName();
        var header = hash is null ? string.Empty : $"wrk.headers[\"Authorization\"] = \"NVX {hash}\"\n";
        var random = randomUserIds is not { } range
            ? string.Empty
            : $$"""
              local threads = 0
              function setup(thread) threads = threads + 1; thread:set("seed", threads) end
              function init(args) math.randomseed(os.time() * 1000 + seed) end
              request = function() return wrk.format(nil, nil, nil, '{"user_id":' .. math.random({{range.Min}}, {{range.Max}}) .. '}') end

              """;
        await File.WriteAllTextAsync(script, $"wrk.method = \"POST\"\nwrk.body = [[{body}]]\nwrk.headers[\"Content-Type\"] = \"application/json\"\n{header}{random}");
        try
        {
            var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "-t", Math.Min(2, connections).ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture), "-d", $"{seconds}s", "--latency", "-s", script, url.ToString() })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return new WrkResult(
                double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
                Latency(output, "50%"),
                Latency(output, "99%"),
                Non2xx().Match(output) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
                Completed().Match(output) is { Success: true } c ? long.Parse(c.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
                Completed().Match(output) is { Success: true } d ? double.Parse(d.Groups[2].Value, CultureInfo.InvariantCulture) * (d.Groups[3].Value == "m" ? 60 : 1) : seconds);
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static double Latency(string output, string percentile)
    {
        var match = Regex.Match(output, $@"^\s*{Regex.Escape(percentile)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "us" => value / 1000,
            "s" => value * 1000,
            _ => value,
        };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    // "233284 requests in 10.01s, 52.63MB read"
    [GeneratedRegex(@"(\d+) requests in ([\d.]+)(m|s)")]
    private static partial Regex Completed();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();
}
