using Microsoft.EntityFrameworkCore;
using Navixy.Panel.Infrastructure.Persistence;

namespace Navixy.Panel.Infrastructure.IntegrationTests.Support;

public static class OwnTransaction
{
    /// <summary>
    /// Runs a test's hand-made transaction inside the context's execution strategy, which refuses a transaction begun
    /// outside it (as the service's own units run, <see cref="PanelDbContext.InTransactionAsync{T}"/>).
    /// </summary>
    public static Task InOwnTransactionAsync(this PanelDbContext db, Func<Task> work) => db.Database.CreateExecutionStrategy().ExecuteAsync(work);
}
