using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Navixy.Panel.Infrastructure.IntegrationTests.Support;

/// <summary>
/// Before each non-query command runs, asks the database how it would run it (SQLite's <c>EXPLAIN QUERY PLAN</c>,
/// PostgreSQL's <c>EXPLAIN</c>) with the same parameter values, and keeps the plan as text. With
/// <paramref name="queries"/> it records the plans of queries (readers and scalars) as well.
/// </summary>
public sealed class QueryPlanRecorder(bool queries = false) : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> _plans = new();

    public IReadOnlyCollection<string> Plans => _plans;

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await RecordAsync(command, cancellationToken);
        return result;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (queries)
        {
            await RecordAsync(command, cancellationToken);
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        if (queries)
        {
            await RecordAsync(command, cancellationToken);
        }

        return result;
    }

    private async Task RecordAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var explain = command.Connection!.CreateCommand();
        explain.Transaction = command.Transaction;
        explain.CommandText = (command is SqliteCommand ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + command.CommandText;
        foreach (DbParameter parameter in command.Parameters)
        {
            var copy = explain.CreateParameter();
            copy.ParameterName = parameter.ParameterName;
            copy.Value = parameter.Value;
            copy.DbType = parameter.DbType;
            explain.Parameters.Add(copy);
        }

        var lines = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                // SQLite: id, parent, notused, detail; PostgreSQL: one column of plan text.
                lines.Add(reader.GetString(reader.FieldCount - 1));
            }
        }

        _plans.Enqueue(command.CommandText.Split('\n')[0] + "\n  " + string.Join("\n  ", lines));
    }
}
