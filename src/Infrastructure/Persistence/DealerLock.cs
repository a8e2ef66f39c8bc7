using Microsoft.EntityFrameworkCore;

namespace Navixy.Panel.Infrastructure.Persistence;

/// <summary>
/// How a transaction takes a dealer's row lock before it changes the dealer's MFA settings, so that concurrent
/// changes of one dealer apply one after another instead of locking the same users in different orders. Each
/// provider takes it in the way that stays cheap when many changes of one dealer queue for it; where the database
/// carries notifications, the same statement tells the other API instances of the change (<see cref="DealerChangeListener"/>).
/// </summary>
internal abstract class DealerLock
{
    public static DealerLock For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Postgres => new SelectForNoKeyUpdate(),
        _ => new IncrementRevision(),
    };

    /// <summary>Takes the lock until the transaction ends; false when the dealer does not exist.</summary>
    public abstract Task<bool> TakeAsync(PanelDbContext db, long dealerId, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the dealer row, counting the change in <c>mfa_revision</c>: the portable lock (SQLite takes its
    /// database write lock, a server database its row lock).
    /// </summary>
    private sealed class IncrementRevision : DealerLock
    {
        public override async Task<bool> TakeAsync(PanelDbContext db, long dealerId, CancellationToken cancellationToken) =>
            await db.Dealers.Where(d => d.Id == dealerId)
                .ExecuteUpdateAsync(setters => setters.SetProperty(d => d.MfaRevision, d => d.MfaRevision + 1), cancellationToken) == 1;
    }

    /// <summary>
    /// PostgreSQL: <c>SELECT … FOR NO KEY UPDATE</c> locks the row without writing a new version of it. Locking by
    /// <c>UPDATE</c> wrote one version per change, and while the queued transactions held back their cleanup, each
    /// of them walked the growing chain of versions to find the live one: 16 concurrent changes of one dealer ran at
    /// a tenth of the rate of one at a time (see <c>docs/benchmarks.md</c>). The joined <c>pg_notify</c> queues a
    /// notification that PostgreSQL delivers when the transaction commits, never when it rolls back (as the callers
    /// do when the dealer is missing); one statement, so a change of selected users stays at two round trips.
    /// </summary>
    private sealed class SelectForNoKeyUpdate : DealerLock
    {
        public override async Task<bool> TakeAsync(PanelDbContext db, long dealerId, CancellationToken cancellationToken) =>
            (await db.Database.SqlQuery<long>(
                    $"SELECT d.id AS \"Value\" FROM dealers AS d CROSS JOIN LATERAL pg_notify({DealerChangeListener.Channel}, {dealerId.ToString(System.Globalization.CultureInfo.InvariantCulture)}) AS n WHERE d.id = {dealerId} FOR NO KEY UPDATE OF d")
                .ToListAsync(cancellationToken)).Count == 1;
    }
}
