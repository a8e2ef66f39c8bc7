namespace Navixy.Panel.Application.Housekeeping;

/// <summary>
/// One table housekeeping keeps bounded: removes its rows past their lifetime or retention, a bounded batch at a time.
/// Each such table (sessions, login failures, second-factor events, audit events, notification batches) is one step.
/// </summary>
public interface IHousekeepingStep
{
    /// <summary>The table, as the log line and the tests name it.</summary>
    string Table { get; }

    /// <summary>
    /// Removes at most <paramref name="batchSize"/> rows dead at <paramref name="now"/> in one statement; returns how
    /// many. Fewer than <paramref name="batchSize"/> means none were left (or another instance took them).
    /// </summary>
    Task<int> PurgeBatchAsync(DateTime now, int batchSize, CancellationToken cancellationToken);
}
