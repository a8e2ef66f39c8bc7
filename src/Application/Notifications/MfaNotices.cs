using Microsoft.Extensions.Options;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Domain.Mfa;
using Navixy.Panel.Domain.Notifications;

namespace Navixy.Panel.Application.Notifications;

/// <summary>
/// Records the intent to mail an MFA change, inside the change's transaction (under the dealer's lock): one
/// <see cref="NotificationBatch"/> row, and a mark on the users it concerns that the change's own UPDATE writes.
/// Nothing is recorded for a kind of change <c>Notifications:MfaChanges</c> does not mail.
/// </summary>
public sealed class MfaNotices(INotificationOutbox outbox, IDealerRepository dealers, IUserRepository users, IOptions<NotificationOptions> options)
{
    /// <summary>
    /// For an update of the users' own settings: the mark their UPDATE writes, or null when nothing is mailed.
    /// <paramref name="firstId"/> and <paramref name="lastId"/> bound a selected target, so the sender scans only that range.
    /// </summary>
    public async Task<MfaNoticeMark?> ForUsersAsync(long dealerId, MfaSettings settings, DateTime changedAt, long? firstId, long? lastId, CancellationToken cancellationToken)
    {
        var kind = settings.IsAllowed ? MfaNoticeKind.TurnedOn : MfaNoticeKind.TurnedOff;
        if (!options.Value.Wants(kind))
        {
            return null;
        }

        var dealerDefault = await dealers.GetDefaultMfaAsync(dealerId, cancellationToken);
        var batchId = await outbox.AddBatchAsync(new NotificationBatch(dealerId, kind, changedAt, firstId, lastId), cancellationToken);
        return new MfaNoticeMark(batchId, kind, MfaSettings.Effective(null, dealerDefault).IsAllowed);
    }

    /// <summary>
    /// For a change of the dealer default: when it turns the effective setting of the users who follow it on or off,
    /// one batch, and one UPDATE that marks those users (the default change itself writes no user row).
    /// </summary>
    public async Task ForDefaultAsync(long dealerId, MfaSettings? before, MfaSettings after, DateTime changedAt, CancellationToken cancellationToken)
    {
        var wasAllowed = MfaSettings.Effective(null, before).IsAllowed;
        if (wasAllowed == after.IsAllowed)
        {
            return;
        }

        var kind = after.IsAllowed ? MfaNoticeKind.TurnedOn : MfaNoticeKind.TurnedOff;
        if (!options.Value.Wants(kind))
        {
            return;
        }

        var batchId = await outbox.AddBatchAsync(new NotificationBatch(dealerId, kind, changedAt, null, null), cancellationToken);
        await users.MarkDefaultFollowersAsync(dealerId, new MfaNoticeMark(batchId, kind, wasAllowed), cancellationToken);
    }
}
