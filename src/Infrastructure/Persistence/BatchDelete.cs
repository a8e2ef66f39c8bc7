using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Navixy.Panel.Infrastructure.Persistence;

/// <summary>
/// One housekeeping batch (<see cref="DatabaseProvider.DeleteEarliestAsync"/>): deletes at most n rows whose time is at
/// or before a cut-off, earliest first, in one statement.
/// </summary>
internal static class BatchDelete
{
    /// <remarks>
    /// EF writes <c>DELETE ... WHERE id IN (SELECT id ... ORDER BY time LIMIT n)</c> on SQLite, the ids found along the
    /// time's index and each looked up by rowid. On SQL Server it is <c>DELETE FROM [t] FROM t WHERE id IN (SELECT TOP(n) id
    /// ... ORDER BY time)</c>, also one statement whose inner <c>TOP</c> by the time can be read in order off the time's
    /// index, so the default stays there (checked offline only: no server runs where the tests do).
    /// </remarks>
    public static Task<int> WithEfAsync<T, TTime>(DbSet<T> rows, Expression<Func<T, TTime>> time, TTime cutoff, int batchSize, CancellationToken cancellationToken)
        where T : class
    {
        // time <= cutoff, with the cut-off read from a closure so EF sends it as a parameter; a null time (a row
        // still in use, such as a pending batch) is never past it.
        var dead = Expression.Lambda<Func<T, bool>>(Expression.LessThanOrEqual(time.Body, ((Expression<Func<TTime>>)(() => cutoff)).Body), time.Parameters);
        return rows.Where(dead).OrderBy(time).Take(batchSize).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The table, its one-column key and the time's column, for a provider that writes the batch itself.</summary>
    public static (string Table, string Key, string Time) Names<T, TTime>(DbSet<T> rows, Expression<Func<T, TTime>> time)
        where T : class
    {
        IEntityType entity = rows.EntityType;
        return (
            entity.GetTableName()!,
            entity.FindPrimaryKey()!.Properties.Single().GetColumnName(),
            entity.FindProperty(((MemberExpression)time.Body).Member.Name)!.GetColumnName());
    }
}
