using Microsoft.EntityFrameworkCore;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Domain.Security;

namespace Navixy.Panel.Infrastructure.Persistence.Repositories;

internal sealed class LoginFailureRepository(PanelDbContext db, DatabaseOptions database) : ILoginFailureRepository
{
    public Task<long?> TryReserveAsync(LoginScope scope, string normalizedLogin, DateTime now, CancellationToken cancellationToken) =>
        database.Provider.LimitedInsert.InsertAsync(db, "login_failures", [("scope", (int)scope), ("login", normalizedLogin)], [LoginFailure.Throttle], now, cancellationToken);

    public Task RemoveAsync(long failureId, CancellationToken cancellationToken) =>
        db.LoginFailures.Where(f => f.Id == failureId).ExecuteDeleteAsync(cancellationToken);

    public Task<int> DeleteOlderThanAsync(DateTime cutoff, int batchSize, CancellationToken cancellationToken) =>
        database.Provider.DeleteEarliestAsync(db.LoginFailures, f => f.OccurredAt, cutoff, batchSize, cancellationToken);
}
