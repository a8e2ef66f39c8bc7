using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Navixy.Panel.Infrastructure.Persistence;

/// <summary>
/// Logs at Warning each transaction that stayed open <see cref="Threshold"/> or more, from its start to its commit
/// or rollback: on SQLite the write lock is held that long, and every other writer waits (or fails with 14 after its
/// 30 s busy timeout).
/// </summary>
internal sealed class LongTransactionLog(ILogger<LongTransactionLog> logger, TimeProvider clock) : DbTransactionInterceptor
{
    public static readonly TimeSpan Threshold = TimeSpan.FromSeconds(5);

    private readonly ConditionalWeakTable<DbTransaction, StrongBox<long>> _started = [];

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        _started.AddOrUpdate(result, new StrongBox<long>(clock.GetTimestamp()));
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(TransactionStarted(connection, eventData, result));

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Ended(transaction, "committed");

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(transaction, "committed");
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Ended(transaction, "rolled back");

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(transaction, "rolled back");
        return Task.CompletedTask;
    }

    private void Ended(DbTransaction transaction, string how)
    {
        if (_started.TryGetValue(transaction, out var started))
        {
            _started.Remove(transaction);
            var open = clock.GetElapsedTime(started.Value);
            if (open >= Threshold)
            {
                logger.LogWarning("Long database transaction, {How} after {ElapsedMs:F0} ms", how, open.TotalMilliseconds);
            }
        }
    }
}
