using Microsoft.EntityFrameworkCore;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Domain.Audit;

namespace Navixy.Panel.Infrastructure.Persistence.Repositories;

internal sealed class AuditEventRepository(PanelDbContext db, DatabaseOptions database) : IAuditEventRepository
{
    public void Add(AuditEvent auditEvent) => db.AuditEvents.Add(auditEvent);

    public async Task<AuditEventPage> ListAsync(AuditEventFilter filter, int offset, int limit, CancellationToken cancellationToken)
    {
        var events = Matching(filter);
        var count = await events.CountAsync(cancellationToken);
        var page = count > offset && limit > 0
            ? await events.OrderByDescending(e => e.Id).Skip(offset).Take(limit).AsNoTracking().ToListAsync(cancellationToken)
            : [];
        return new AuditEventPage(page, count);
    }

    public Task<int> DeleteOlderThanAsync(DateTime cutoff, int batchSize, CancellationToken cancellationToken) =>
        database.Provider.DeleteEarliestAsync(db.AuditEvents, e => e.OccurredAt, cutoff, batchSize, cancellationToken);

    private IQueryable<AuditEvent> Matching(AuditEventFilter filter)
    {
        var dealerId = filter.DealerId;
        var events = db.AuditEvents.Where(e => e.DealerId == dealerId);
        if (filter.UserId is { } userId)
        {
            // One user among millions of events: its rows of the side table (and its dealer's every-user rows) by
            // their key, then each event by its id. See docs/decisions.md, "Security log".
            var concerning = db.AuditEventUsers
                .Where(u => u.DealerId == dealerId && (u.UserId == userId || u.UserId == AuditEventUser.EveryUser))
                .Select(u => u.EventId);
            // Another dealer's user (or none) is concerned by none of this dealer's events, its every-user ones included.
            var masters = db.Users.Where(u => u.Id == userId && u.DealerId == dealerId && u.MasterId == null);
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
