using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Navixy.Panel.Domain.Security;

namespace Navixy.Panel.Infrastructure.Persistence;

/// <summary>
/// Writes an event (a login failure, a code check, a code mail) only while its subject has fewer recent events than
/// each limit allows: <c>INSERT … SELECT … WHERE (SELECT count(*) …) &lt; limit</c>, so the count and the write are one
/// step against every writer of the database, and parallel requests on any API instance cannot all pass one count.
/// Events older than the longest window are pruned on the way. Each provider makes the step atomic its own way and
/// returns the new id its own way (<see cref="DatabaseProvider.LimitedInsert"/>).
/// </summary>
internal abstract class LimitedInsert
{
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
        var insert = FormattableStringFactory.Create(InsertSql(table, $"{columns}, occurred_at", $"{values}, {Placeholder(nowIndex)}", underLimits), arguments);
        var prune = FormattableStringFactory.Create($"DELETE FROM {table} WHERE {ofSubject} AND occurred_at <= {Placeholder(arguments.Length - 1)}", arguments);
        var key = table + ":" + string.Join(":", subject.Select(s => Convert.ToString(s.Value, CultureInfo.InvariantCulture)));
        return RunAsync(db, key, prune, insert, cancellationToken);
    }

    private static string Placeholder(int argument) => "{" + argument.ToString(CultureInfo.InvariantCulture) + "}";

    /// <summary>The conditional insert, answering the new id as the one column <c>Value</c>; standard <c>RETURNING</c> unless overridden.</summary>
    protected virtual string InsertSql(string table, string columns, string values, string condition) =>
        $"INSERT INTO {table} ({columns}) SELECT {values} WHERE {condition} RETURNING id AS \"Value\"";

    /// <summary>Runs <paramref name="prune"/>, then <paramref name="insert"/>, so that no other writer's insert of the same <paramref name="key"/> falls between its count and its write.</summary>
    protected abstract Task<long?> RunAsync(PanelDbContext db, string key, FormattableString prune, FormattableString insert, CancellationToken cancellationToken);

    protected static async Task<long?> InsertedIdAsync(PanelDbContext db, FormattableString insert, CancellationToken cancellationToken) =>
        (await db.Database.SqlQuery<long>(insert).ToListAsync(cancellationToken)) is [var id] ? id : null;
}
