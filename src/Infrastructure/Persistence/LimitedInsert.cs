using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Navixy.Panel.Domain.Security;

namespace Navixy.Panel.Infrastructure.Persistence;

/// <summary>
/// Writes an event (a login failure, a code check, a code mail) only while its subject has fewer recent events than
/// each limit allows: <c>INSERT … SELECT … WHERE (SELECT count(*) …) &lt; limit</c>, so the count and the write are one
/// step against every writer of the database, and parallel requests on any API instance cannot all pass one count.
/// Events older than the longest window are pruned on the way. Each provider makes the step atomic its own way,
/// chosen with the provider.
/// </summary>
internal abstract class LimitedInsert
{
    public static LimitedInsert For(DatabaseProvider provider) =>
        provider == DatabaseProvider.Postgres ? new UnderAdvisoryLock() : new SingleStatement();

    /// <param name="table">An events table with <c>id</c> and <c>occurred_at</c> columns; a constant of the caller.</param>
    /// <param name="subject">The columns (constants of the caller) and values that name whose events count.</param>
    /// <returns>The new event's id, or null when a limit refused it.</returns>
    public Task<long?> InsertAsync(
        PanelDbContext db,
        string table,
        IReadOnlyList<(string Column, object Value)> subject,
        IReadOnlyList<AttemptLimit> limits,
        DateTime now,
        CancellationToken cancellationToken)
    {
        // Arguments: the subject's values, now, then the start of each window and the pruning horizon.
        var arguments = subject.Select(s => s.Value).Append(now).Concat(limits.Select(l => (object)(now - l.Window))).Append(now - limits.Max(l => l.Window)).ToArray();
        var nowIndex = subject.Count;
        var columns = string.Join(", ", subject.Select(s => s.Column));
        var values = string.Join(", ", subject.Select((_, i) => Placeholder(i)));
        var ofSubject = string.Join(" AND ", subject.Select((s, i) => $"{s.Column} = {Placeholder(i)}"));
        var underLimits = string.Join(" AND ", limits.Select((l, i) =>
            $"(SELECT count(*) FROM {table} WHERE {ofSubject} AND occurred_at > {Placeholder(nowIndex + 1 + i)}) < {l.Count.ToString(CultureInfo.InvariantCulture)}"));
        var sql = $"INSERT INTO {table} ({columns}, occurred_at) SELECT {values}, {Placeholder(nowIndex)} WHERE {underLimits} RETURNING id AS \"Value\"";
        var insert = FormattableStringFactory.Create(sql, arguments);
        var prune = FormattableStringFactory.Create($"DELETE FROM {table} WHERE {ofSubject} AND occurred_at <= {Placeholder(arguments.Length - 1)}", arguments);
        var key = table + ":" + string.Join(":", subject.Select(s => Convert.ToString(s.Value, CultureInfo.InvariantCulture)));
        return RunAsync(db, key, prune, insert, cancellationToken);
    }

    private static string Placeholder(int argument) => "{" + argument.ToString(CultureInfo.InvariantCulture) + "}";

    protected abstract Task<long?> RunAsync(PanelDbContext db, string key, FormattableString prune, FormattableString insert, CancellationToken cancellationToken);

    protected static async Task<long?> InsertedIdAsync(PanelDbContext db, FormattableString insert, CancellationToken cancellationToken) =>
        (await db.Database.SqlQuery<long>(insert).ToListAsync(cancellationToken)) is [var id] ? id : null;

    /// <summary>
    /// SQLite takes its write lock when a writing statement starts, before the statement reads, so no other writer
    /// (another connection or process on the file) can insert between the count and the write.
    /// </summary>
    private sealed class SingleStatement : LimitedInsert
    {
        protected override async Task<long?> RunAsync(PanelDbContext db, string key, FormattableString prune, FormattableString insert, CancellationToken cancellationToken)
        {
            await db.Database.ExecuteSqlAsync(prune, cancellationToken);
            return await InsertedIdAsync(db, insert, cancellationToken);
        }
    }

    /// <summary>
    /// PostgreSQL under read committed: two concurrent inserts would each count the rows committed before it began and
    /// both pass. A transaction-scoped advisory lock on the subject queues them; it is taken by a statement of its own,
    /// so the insert's snapshot is taken once the lock is held and sees every event committed before. (Another subject
    /// whose key hashes alike only waits its turn.)
    /// </summary>
    private sealed class UnderAdvisoryLock : LimitedInsert
    {
        // The transaction runs as one unit of the context's retrying execution strategy, which refuses statements
        // in a transaction it did not open; a deadlock retry repeats the whole unit, nothing of it having committed.
        protected override Task<long?> RunAsync(PanelDbContext db, string key, FormattableString prune, FormattableString insert, CancellationToken cancellationToken) =>
            db.Database.CreateExecutionStrategy().ExecuteAsync(
                (Db: db, Key: key, Prune: prune, Insert: insert),
                async (_, state, ct) =>
                {
                    await using var transaction = await state.Db.Database.BeginTransactionAsync(ct);
                    await state.Db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({state.Key}, 0))", ct);
                    await state.Db.Database.ExecuteSqlAsync(state.Prune, ct);
                    var id = await InsertedIdAsync(state.Db, state.Insert, ct);
                    await transaction.CommitAsync(ct);
                    return id;
                },
                verifySucceeded: null,
                cancellationToken);
    }
}
