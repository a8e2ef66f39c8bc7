namespace Navixy.Panel.Domain.Notifications;

/// <summary>
/// The outbox row of one MFA change: "tell every login of the master users marked with this batch". It is written in
/// the change's transaction, and the change's own UPDATE marks the users whose effective setting it changed, so the
/// intent costs one row however many users it concerns. The sender walks the marked users in id order and keeps its
/// place in <see cref="CursorMasterId"/> and <see cref="CursorUserId"/>. See docs/decisions.md, "Change notifications".
/// </summary>
public sealed class NotificationBatch
{
    private NotificationBatch()
    {
    }

    /// <summary>A new batch; <paramref name="firstMasterId"/> and <paramref name="lastMasterId"/> bound a selected target's ids.</summary>
    public NotificationBatch(long dealerId, MfaNoticeKind kind, DateTime changedAt, long? firstMasterId, long? lastMasterId)
    {
        DealerId = dealerId;
        Kind = kind;
        ChangedAt = changedAt;
        FirstMasterId = firstMasterId;
        LastMasterId = lastMasterId;
    }

    public long Id { get; private set; }

    public long DealerId { get; private set; }

    public MfaNoticeKind Kind { get; private set; }

    /// <summary>When the change was made (UTC); the notice states it.</summary>
    public DateTime ChangedAt { get; private set; }

    /// <summary>Lowest id the marked master users can have (a selected target); null: from the first.</summary>
    public long? FirstMasterId { get; private set; }

    /// <summary>Highest id the marked master users can have (a selected target); null: to the last.</summary>
    public long? LastMasterId { get; private set; }

    /// <summary>Master user of the last recipient handled; recipients go in (master id, user id) order.</summary>
    public long CursorMasterId { get; private set; }

    /// <summary>The last recipient handled (the master itself or one of its sub-users).</summary>
    public long CursorUserId { get; private set; }

    /// <summary>Messages handed to the mail delivery so far.</summary>
    public int Delivered { get; private set; }

    /// <summary>Failed attempts in a row at the current recipient; sets the back-off.</summary>
    public int Attempts { get; private set; }

    /// <summary>Not before then (a back-off after a failure); null: at once.</summary>
    public DateTime? NextAttemptAt { get; private set; }

    /// <summary>The API instance delivering the batch, until <see cref="LeaseUntil"/>.</summary>
    public string? LeaseOwner { get; private set; }

    public DateTime? LeaseUntil { get; private set; }

    /// <summary>When the last recipient was handled; null while the batch is pending.</summary>
    public DateTime? CompletedAt { get; private set; }
}
