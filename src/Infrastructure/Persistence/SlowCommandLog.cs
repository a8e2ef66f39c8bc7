using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Navixy.Panel.Infrastructure.Persistence;

/// <summary>
/// Logs at Warning each database command that took <see cref="Threshold"/> or more, with its statement (never its
/// parameters): a slow statement is where an operator looks first, and on SQLite a slow writer holds every other
/// writer back.
/// </summary>
internal sealed class SlowCommandLog(ILogger<SlowCommandLog> logger) : DbCommandInterceptor
{
    public static readonly TimeSpan Threshold = TimeSpan.FromSeconds(1);

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Check(command, eventData);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ReaderExecuted(command, eventData, result));

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Check(command, eventData);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(NonQueryExecuted(command, eventData, result));

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Check(command, eventData);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ScalarExecuted(command, eventData, result));

    private void Check(DbCommand command, CommandExecutedEventData eventData)
    {
        if (eventData.Duration >= Threshold)
        {
            logger.LogWarning("Slow database command ({ElapsedMs:F0} ms): {Statement}", eventData.Duration.TotalMilliseconds, command.CommandText);
        }
    }
}
