using Microsoft.EntityFrameworkCore.Storage;

namespace Navixy.Panel.Infrastructure.Persistence;

/// <summary>
/// Retries a unit of work that the database chose as a deadlock victim or failed for serialization
/// (<see cref="DatabaseFault.Retry"/>, as the provider classifies it), every provider alike. An unreachable database
/// is not retried: the client hears code 14 at once instead of after the retries. A transaction unit that began
/// with entities already tracked is not retried either (<see cref="PanelDbContext.InTransactionAsync{T}"/>).
/// </summary>
internal sealed class RetryOnConflictStrategy(ExecutionStrategyDependencies dependencies, DatabaseProvider provider)
    : ExecutionStrategy(dependencies, MaxRetries, MaxDelay)
{
    private const int MaxRetries = 3;

    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(1);

    protected override bool ShouldRetryOn(Exception exception) =>
        Dependencies.CurrentContext.Context is not PanelDbContext { UnitMayRetry: false }
        && provider.Classify(exception) == DatabaseFault.Retry;
}
