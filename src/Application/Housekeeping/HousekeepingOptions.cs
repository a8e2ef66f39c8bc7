using Microsoft.Extensions.Configuration;
using Navixy.Panel.Application.Common.Configuration;

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
        TimeSpan.FromSeconds(Setting.WholeNumber(configuration, "Housekeeping:IntervalSeconds", DefaultIntervalSeconds, 0, 86_400, "seconds (0 turns housekeeping off)")),
        (int)Setting.WholeNumber(configuration, "Housekeeping:BatchSize", DefaultBatchSize, 1, 100_000, "rows"),
        TimeSpan.FromMilliseconds(Setting.WholeNumber(configuration, "Housekeeping:PauseMilliseconds", DefaultPauseMilliseconds, 0, 60_000, "milliseconds")));
}
