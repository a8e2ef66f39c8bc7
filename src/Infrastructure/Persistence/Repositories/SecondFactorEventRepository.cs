using Microsoft.EntityFrameworkCore;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Domain.Security;

namespace Navixy.Panel.Infrastructure.Persistence.Repositories;

internal sealed class SecondFactorEventRepository(PanelDbContext db, DatabaseOptions database) : ISecondFactorEventRepository
{
    public Task<long?> TryRecordAsync(long userId, SecondFactorEventKind kind, DateTime now, CancellationToken cancellationToken) =>
        database.Provider.LimitedInsert.InsertAsync(db, "second_factor_events", [("user_id", userId), ("kind", (int)kind)], SecondFactorEvent.LimitsOf(kind), now, cancellationToken);

    public Task RemoveAsync(long eventId, CancellationToken cancellationToken) =>
        db.SecondFactorEvents.Where(e => e.Id == eventId).ExecuteDeleteAsync(cancellationToken);

    public async Task<IReadOnlyList<DateTime>> TimesSinceAsync(long userId, SecondFactorEventKind kind, DateTime since, CancellationToken cancellationToken) =>
        await db.SecondFactorEvents.Where(e => e.UserId == userId && e.Kind == kind && e.OccurredAt > since)
            .Select(e => e.OccurredAt).ToListAsync(cancellationToken);

    public Task<int> DeleteOlderThanAsync(DateTime cutoff, int batchSize, CancellationToken cancellationToken) =>
        database.Provider.DeleteEarliestAsync(db.SecondFactorEvents, e => e.OccurredAt, cutoff, batchSize, cancellationToken);
}
