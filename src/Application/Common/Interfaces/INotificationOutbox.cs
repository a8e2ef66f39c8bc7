using Navixy.Panel.Application.Notifications;
using Navixy.Panel.Domain.Notifications;

namespace Navixy.Panel.Application.Common.Interfaces;

/// <summary>
/// The notification batches. A change adds one inside its transaction; the sender claims the oldest pending one for a
/// lease and moves its cursor after each recipient. Every call after the claim names the owner and does nothing
/// (returns false) once the lease was lost to another instance.
/// </summary>
public interface INotificationOutbox
{
    /// <summary>Writes the batch in the current transaction and returns its id, which the users' UPDATE marks them with.</summary>
    Task<long> AddBatchAsync(NotificationBatch batch, CancellationToken cancellationToken);

    /// <summary>The oldest pending batch, if it is due and no other instance holds it; leased to <paramref name="owner"/>.</summary>
    Task<NotificationBatch?> ClaimNextAsync(string owner, DateTime now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>The batch's next recipients after the given one, in (master id, user id) order; demo users never.</summary>
    Task<IReadOnlyList<NoticeRecipient>> RecipientsAfterAsync(NotificationBatch batch, long afterMasterId, long afterUserId, int limit, CancellationToken cancellationToken);

    /// <summary>Moves the cursor past <paramref name="recipient"/>, counts it when <paramref name="delivered"/>, and renews the lease.</summary>
    Task<bool> AdvanceAsync(long batchId, string owner, NoticeRecipient recipient, bool delivered, DateTime leaseUntil, CancellationToken cancellationToken);

    /// <summary>Records a failed attempt and gives the batch back until <paramref name="nextAttemptAt"/>.</summary>
    Task<bool> PostponeAsync(long batchId, string owner, int attempts, DateTime nextAttemptAt, CancellationToken cancellationToken);

    Task<bool> CompleteAsync(long batchId, string owner, DateTime now, CancellationToken cancellationToken);

    Task<OutboxBacklog> BacklogAsync(CancellationToken cancellationToken);

    /// <summary>Removes at most <paramref name="batchSize"/> batches completed at or before <paramref name="cutoff"/>; pending ones never.</summary>
    Task<int> DeleteCompletedBeforeAsync(DateTime cutoff, int batchSize, CancellationToken cancellationToken);
}
