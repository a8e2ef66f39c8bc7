using Navixy.Panel.Application.Common.Interfaces;

namespace Navixy.Panel.Application.Housekeeping;

/// <summary>
/// Notification batches delivered more than <see cref="Kept"/> ago. A delivered batch's lasting record is its event in
/// the security log, written when it completed; the row itself only serves the sender while it is pending.
/// </summary>
public sealed class CompletedNotificationBatches(INotificationOutbox outbox) : IHousekeepingStep
{
    /// <summary>How long a completed batch stays, for an operator looking at the outbox table after a delivery.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromDays(7);

    public string Table => "notification_batches";

    public Task<int> PurgeBatchAsync(DateTime now, int batchSize, CancellationToken cancellationToken) =>
        outbox.DeleteCompletedBeforeAsync(now - Kept, batchSize, cancellationToken);
}
