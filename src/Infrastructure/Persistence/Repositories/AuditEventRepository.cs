using Microsoft.EntityFrameworkCore;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Domain.Audit;

namespace Navixy.Panel.Infrastructure.Persistence.Repositories;

internal sealed class AuditEventRepository(PanelDbContext db, DatabaseOptions database) : IAuditEventRepository
{
    public void Add(AuditEvent auditEvent) => db.AuditEvents.Add(auditEvent);

    public async Task<AuditEventPage> ListAsync(AuditEventFilter filter, int offset, int limit, CancellationToken cancellationToken)
    {
        if (filter is { UserId: { } userId, Actions: null, From: null, To: null })
        {
            return await ListOfUserAsync(filter.DealerId, userId, offset, limit, cancellationToken);
        }

        var events = Matching(filter);
        var count = await events.CountAsync(cancellationToken);
        var page = count > offset && limit > 0
            ? await events.OrderByDescending(e => e.Id).Skip(offset).Take(limit).AsNoTracking().ToListAsync(cancellationToken)
            : [];
        return new AuditEventPage(page, count);
    }

    /// <summary>
    /// One user's events, counted and paged in the side table's key alone (an event has one row there per user it
    /// concerns, and a dealer-wide one only the every-user row), so only the page's events are read.
    /// </summary>
    private async Task<AuditEventPage> ListOfUserAsync(long dealerId, long userId, int offset, int limit, CancellationToken cancellationToken)
    {
        if (!await IsMaster(dealerId, userId).AnyAsync(cancellationToken))
        {
            return new AuditEventPage([], 0);
        }

        var concerning = Concerning(dealerId, userId);
        var count = await concerning.CountAsync(cancellationToken);
        if (count <= offset || limit <= 0)
        {
            return new AuditEventPage([], count);
        }

        // The page's ids first, then its events by their key, in two statements (docs/decisions.md, "Security log").
        var ids = await concerning.OrderByDescending(u => u.EventId).Select(u => u.EventId).Skip(offset).Take(limit).ToListAsync(cancellationToken);
        var page = await db.AuditEvents.Where(e => ids.Contains(e.Id)).OrderByDescending(e => e.Id).AsNoTracking().ToListAsync(cancellationToken);
        return new AuditEventPage(page, count);
    }

    // The user's rows of the side table and its dealer's every-user rows, one index range each.
    private IQueryable<AuditEventUser> Concerning(long dealerId, long userId) =>
        db.AuditEventUsers.Where(u => u.DealerId == dealerId && (u.UserId == userId || u.UserId == AuditEventUser.EveryUser));

    // Another dealer's user (or none) is concerned by none of this dealer's events, its every-user ones included.
    private IQueryable<Domain.Users.User> IsMaster(long dealerId, long userId) =>
        db.Users.Where(u => u.Id == userId && u.DealerId == dealerId && u.MasterId == null);

    public Task<int> DeleteOlderThanAsync(DateTime cutoff, int batchSize, CancellationToken cancellationToken) =>
        database.Provider.DeleteEarliestAsync(db.AuditEvents, e => e.OccurredAt, cutoff, batchSize, cancellationToken);

    private IQueryable<AuditEvent> Matching(AuditEventFilter filter)
    {
        var dealerId = filter.DealerId;
        var events = db.AuditEvents.Where(e => e.DealerId == dealerId);
        if (filter.UserId is { } userId)
        {
            // With other filters too: the user's events by the side table's key, then each by its id and filtered.
            // See docs/decisions.md, "Security log".
            var concerning = Concerning(dealerId, userId).Select(u => u.EventId);
            var masters = IsMaster(dealerId, userId);
            events = events.Where(e => masters.Any() && concerning.Contains(e.Id));
        }

        if (filter.Actions is { } actions)
        {
            events = events.Where(e => actions.Contains(e.Action));
        }

        if (filter.From is { } from)
        {
            events = events.Where(e => e.OccurredAt >= from);
        }

        if (filter.To is { } to)
        {
            events = events.Where(e => e.OccurredAt < to);
        }

        return events;
    }
}
