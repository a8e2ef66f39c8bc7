using Navixy.Panel.Application.Common.Configuration;

namespace Navixy.Panel.Application.Housekeeping;

/// <summary>
/// Section <c>Housekeeping</c>: <c>IntervalSeconds</c> (time between passes; 0 turns housekeeping off),
/// <c>BatchSize</c> (rows one statement removes at most) and <c>PauseMilliseconds</c> (wait between two batches).
/// </summary>
public sealed class HousekeepingOptions
{
    public const string Section = "Housekeeping";
    public const int DefaultIntervalSeconds = 300;
    public const int DefaultBatchSize = 1000;
    public const int DefaultPauseMilliseconds = 100;

    public int IntervalSeconds { get; set; } = DefaultIntervalSeconds;

    public int BatchSize { get; set; } = DefaultBatchSize;

    public int PauseMilliseconds { get; set; } = DefaultPauseMilliseconds;

    public TimeSpan Interval => TimeSpan.FromSeconds(IntervalSeconds);

    public TimeSpan Pause => TimeSpan.FromMilliseconds(PauseMilliseconds);

    public bool Enabled => IntervalSeconds > 0;

    public sealed class Validator : SettingsValidator<HousekeepingOptions>
    {
        protected override IEnumerable<string?> Checks(HousekeepingOptions options) =>
        [
            Setting.WholeNumber("Housekeeping:IntervalSeconds", options.IntervalSeconds, 0, 86_400, "seconds (0 turns housekeeping off)"),
            Setting.WholeNumber("Housekeeping:BatchSize", options.BatchSize, 1, 100_000, "rows"),
            Setting.WholeNumber("Housekeeping:PauseMilliseconds", options.PauseMilliseconds, 0, 60_000, "milliseconds"),
        ];
    }
}
