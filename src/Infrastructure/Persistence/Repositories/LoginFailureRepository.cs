using Microsoft.EntityFrameworkCore;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Domain.Security;

namespace Navixy.Panel.Infrastructure.Persistence.Repositories;

internal sealed class LoginFailureRepository(PanelDbContext db) : ILoginFailureRepository
{
    public Task<int> CountSinceAsync(LoginScope scope, string normalizedLogin, DateTime since, CancellationToken cancellationToken) =>
        db.LoginFailures.CountAsync(f => f.Scope == scope && f.Login == normalizedLogin && f.OccurredAt > since, cancellationToken);

    public async Task RecordAsync(LoginFailure failure, CancellationToken cancellationToken)
    {
        // Insert directly so the failure counts even though the request itself fails, and so no other staged
        // change is committed with it.
        await db.LoginFailures
            .Where(f => f.Scope == failure.Scope && f.Login == failure.Login && f.OccurredAt < failure.OccurredAt - LoginFailure.Window)
            .ExecuteDeleteAsync(cancellationToken);
        db.LoginFailures.Add(failure);
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task<int> DeleteOlderThanAsync(DateTime cutoff, int batchSize, CancellationToken cancellationToken) =>
        db.LoginFailures.DeleteEarliestAsync(f => f.OccurredAt, cutoff, batchSize, cancellationToken);
}
