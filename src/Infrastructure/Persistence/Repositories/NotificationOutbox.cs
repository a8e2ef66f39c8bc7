using Microsoft.EntityFrameworkCore;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Application.Notifications;
using Navixy.Panel.Domain.Notifications;

namespace Navixy.Panel.Infrastructure.Persistence.Repositories;

internal sealed class NotificationOutbox(PanelDbContext db, DatabaseOptions database) : INotificationOutbox
{
    public async Task<long> AddBatchAsync(NotificationBatch batch, CancellationToken cancellationToken)
    {
        // Saved at once (inside the caller's transaction) for its id, which the users' UPDATE writes as their mark.
        db.NotificationBatches.Add(batch);
        await db.SaveChangesAsync(cancellationToken);
        return batch.Id;
    }

    public async Task<NotificationBatch?> ClaimNextAsync(string owner, DateTime now, TimeSpan lease, CancellationToken cancellationToken)
    {
        // Strictly the oldest pending batch: a later change of a user is never mailed before an earlier one.
        var next = await Pending().OrderBy(b => b.Id).FirstOrDefaultAsync(cancellationToken);
        if (next is null || next.NextAttemptAt > now || next.LeaseOwner != owner && next.LeaseUntil > now)
        {
            return null;
        }

        // The lease is taken by one conditional UPDATE, so of two instances that read the same row only one gets it.
        var until = now + lease;
        var claimed = await db.NotificationBatches
            .Where(b => b.Id == next.Id && b.CompletedAt == null && (b.LeaseUntil == null || b.LeaseUntil <= now || b.LeaseOwner == owner))
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.LeaseOwner, owner).SetProperty(b => b.LeaseUntil, until), cancellationToken);
        return claimed == 1 ? await db.NotificationBatches.AsNoTracking().FirstAsync(b => b.Id == next.Id, cancellationToken) : null;
    }

    public async Task<IReadOnlyList<NoticeRecipient>> RecipientsAfterAsync(
        NotificationBatch batch,
        long afterMasterId,
        long afterUserId,
        int limit,
        CancellationToken cancellationToken)
    {
        var batchId = batch.Id;
        // Along IX_users_masters_id ((dealer_id, id) WHERE master_id IS NULL) from the cursor, the mark checked on each row.
        var masters = db.Users.AsNoTracking().Where(u => u.DealerId == batch.DealerId && u.MasterId == null && u.Id >= afterMasterId);
        if (batch.FirstMasterId is { } first)
        {
            masters = masters.Where(u => u.Id >= first);
        }

        if (batch.LastMasterId is { } last)
        {
            masters = masters.Where(u => u.Id <= last);
        }

        masters = batch.Kind == MfaNoticeKind.TurnedOff
            ? masters.Where(u => u.MfaOffNoticeBatchId == batchId)
            : masters.Where(u => u.MfaOnNoticeBatchId == batchId);
        var page = await masters.OrderBy(u => u.Id).Take(limit).Select(u => new NoticeRecipient(u.Id, u.Id, u.Login)).ToListAsync(cancellationToken);
        if (page.Count == 0)
        {
            return [];
        }

        var ids = page.Select(m => m.MasterId).ToArray();
        var subUsers = await db.Users.AsNoTracking()
            .Where(s => s.MasterId != null && ids.Contains(s.MasterId.Value) && !s.Demo && (s.MasterId > afterMasterId || s.Id > afterUserId))
            .OrderBy(s => s.MasterId).ThenBy(s => s.Id)
            .Take(limit)
            .Select(s => new NoticeRecipient(s.MasterId!.Value, s.Id, s.Login))
            .ToListAsync(cancellationToken);

        // Both lists are prefixes of their order, so the first `limit` of the merge leave no recipient out.
        return page.Where(m => m.MasterId > afterMasterId || m.UserId > afterUserId)
            .Concat(subUsers)
            .OrderBy(r => r.MasterId).ThenBy(r => r.UserId)
            .Take(limit)
            .ToList();
    }

    public async Task<bool> AdvanceAsync(long batchId, string owner, NoticeRecipient recipient, bool delivered, DateTime leaseUntil, CancellationToken cancellationToken)
    {
        var counted = delivered ? 1 : 0;
        return await Held(batchId, owner).ExecuteUpdateAsync(
            s => s.SetProperty(b => b.CursorMasterId, recipient.MasterId)
                .SetProperty(b => b.CursorUserId, recipient.UserId)
                .SetProperty(b => b.Delivered, b => b.Delivered + counted)
                .SetProperty(b => b.Attempts, 0)
                .SetProperty(b => b.NextAttemptAt, (DateTime?)null)
                .SetProperty(b => b.LeaseUntil, leaseUntil),
            cancellationToken) == 1;
    }

    public async Task<bool> PostponeAsync(long batchId, string owner, int attempts, DateTime nextAttemptAt, CancellationToken cancellationToken) =>
        await Held(batchId, owner).ExecuteUpdateAsync(
            s => s.SetProperty(b => b.Attempts, attempts)
                .SetProperty(b => b.NextAttemptAt, nextAttemptAt)
                .SetProperty(b => b.LeaseOwner, (string?)null)
                .SetProperty(b => b.LeaseUntil, (DateTime?)null),
            cancellationToken) == 1;

    public async Task<bool> CompleteAsync(long batchId, string owner, DateTime now, CancellationToken cancellationToken) =>
        await Held(batchId, owner).ExecuteUpdateAsync(
            s => s.SetProperty(b => b.CompletedAt, now)
                .SetProperty(b => b.LeaseOwner, (string?)null)
                .SetProperty(b => b.LeaseUntil, (DateTime?)null),
            cancellationToken) == 1;

    public Task<int> DeleteCompletedBeforeAsync(DateTime cutoff, int batchSize, CancellationToken cancellationToken) =>
        database.Provider.DeleteEarliestAsync(db.NotificationBatches, b => b.CompletedAt, cutoff, batchSize, cancellationToken);

    public async Task<OutboxBacklog> BacklogAsync(CancellationToken cancellationToken)
    {
        var count = await Pending().CountAsync(cancellationToken);
        var oldest = count == 0 ? null : await Pending().MinAsync(b => (DateTime?)b.ChangedAt, cancellationToken);
        return new OutboxBacklog(count, oldest);
    }

    private IQueryable<NotificationBatch> Pending() => db.NotificationBatches.AsNoTracking().Where(b => b.CompletedAt == null);

    private IQueryable<NotificationBatch> Held(long batchId, string owner) =>
        db.NotificationBatches.Where(b => b.Id == batchId && b.LeaseOwner == owner && b.CompletedAt == null);
}
