namespace Navixy.Panel.Application.Housekeeping;

/// <summary>What this instance's last completed housekeeping pass did, for <c>/health</c>.</summary>
public sealed class HousekeepingStatus
{
    private Snapshot? _last;

    /// <summary>Null until the first pass completes.</summary>
    public Snapshot? Last => Volatile.Read(ref _last);

    internal void Record(DateTime finishedAt, long removed) => Volatile.Write(ref _last, new Snapshot(finishedAt, removed));

    public sealed record Snapshot(DateTime FinishedAt, long Removed);
}
