using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Navixy.Panel.Infrastructure.Persistence;

/// <summary>One housekeeping batch: deletes at most n rows whose time is at or before a cut-off, earliest first, in one statement.</summary>
internal static class BatchDelete
{
    /// <remarks>
    /// SQLite: <c>DELETE ... WHERE id IN (SELECT id ... ORDER BY time LIMIT n)</c>, the ids found along the time's index
    /// and each looked up by rowid. PostgreSQL plans that <c>IN</c> as a hash join over a scan of the whole table until the
    /// table holds about a million rows (50 ms a batch of 1000 at 100,000 rows), so there the ids go through an array,
    /// <c>id = ANY(ARRAY(SELECT ...))</c>, which it always looks up in the primary key (3 ms).
    /// </remarks>
    public static Task<int> DeleteEarliestAsync<T>(this DbSet<T> rows, Expression<Func<T, DateTime>> time, DateTime cutoff, int batchSize, CancellationToken cancellationToken)
        where T : class
    {
        var db = rows.GetService<ICurrentDbContext>().Context;
        if (db.Database.IsNpgsql())
        {
            var entity = rows.EntityType;
            var table = entity.GetTableName();
            var key = entity.FindPrimaryKey()!.Properties.Single().GetColumnName();
            var column = entity.FindProperty(((MemberExpression)time.Body).Member.Name)!.GetColumnName();
#pragma warning disable EF1002 // the names come from the model, the values go as parameters
            return db.Database.ExecuteSqlRawAsync(
                $"DELETE FROM {table} WHERE {key} = ANY(ARRAY(SELECT {key} FROM {table} WHERE {column} <= @cutoff ORDER BY {column} LIMIT @limit))",
                [new NpgsqlParameter("cutoff", cutoff), new NpgsqlParameter("limit", batchSize)],
                cancellationToken);
#pragma warning restore EF1002
        }

        // time <= cutoff, with the cut-off read from a closure so EF sends it as a parameter.
        var dead = Expression.Lambda<Func<T, bool>>(Expression.LessThanOrEqual(time.Body, ((Expression<Func<DateTime>>)(() => cutoff)).Body), time.Parameters);
        return rows.Where(dead).OrderBy(time).Take(batchSize).ExecuteDeleteAsync(cancellationToken);
    }
}
