using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Navixy.Panel.Application.Housekeeping;

/// <summary>
/// <c>Housekeeping:IntervalSeconds</c> (time between passes; 0 turns housekeeping off), <c>Housekeeping:BatchSize</c>
/// (rows one statement removes at most) and <c>Housekeeping:PauseMilliseconds</c> (wait between two batches).
/// </summary>
public sealed record HousekeepingOptions(TimeSpan Interval, int BatchSize, TimeSpan Pause)
{
    public const int DefaultIntervalSeconds = 300;
    public const int DefaultBatchSize = 1000;
    public const int DefaultPauseMilliseconds = 100;

    public bool Enabled => Interval > TimeSpan.Zero;

    /// <summary>Reads the section; a value out of range stops the start with a message naming the setting.</summary>
    public static HousekeepingOptions Read(IConfiguration configuration) => new(
        TimeSpan.FromSeconds(Whole(configuration, "Housekeeping:IntervalSeconds", DefaultIntervalSeconds, 0, 86_400, "a whole number of seconds from 0 to 86400 (0 turns housekeeping off)")),
        Whole(configuration, "Housekeeping:BatchSize", DefaultBatchSize, 1, 100_000, "a whole number of rows from 1 to 100000"),
        TimeSpan.FromMilliseconds(Whole(configuration, "Housekeeping:PauseMilliseconds", DefaultPauseMilliseconds, 0, 60_000, "a whole number of milliseconds from 0 to 60000")));

    private static int Whole(IConfiguration configuration, string key, int fallback, int min, int max, string expected)
    {
        var configured = configuration[key];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return fallback;
        }

        return int.TryParse(configured, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new InvalidOperationException($"{key} must be {expected}, not '{configured}'.");
    }
}
