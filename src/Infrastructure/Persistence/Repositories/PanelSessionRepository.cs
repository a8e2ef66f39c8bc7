using Microsoft.EntityFrameworkCore;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Domain.Panel;

namespace Navixy.Panel.Infrastructure.Persistence.Repositories;

internal sealed class PanelSessionRepository(PanelDbContext db, DatabaseOptions database) : IPanelSessionRepository
{
    // Compiled once per model: the lookup runs on every panel request that misses the session cache.
    private static readonly CompiledQuery<Func<PanelDbContext, byte[], CancellationToken, Task<SessionRow?>>> FindByDigest = new(() =>
        EF.CompileAsyncQuery((PanelDbContext db, byte[] tokenDigest, CancellationToken _) => (
                from session in db.PanelSessions
                join account in db.PanelAccounts on session.AccountId equals account.Id
                join dealer in db.Dealers on account.DealerId equals dealer.Id
                where session.TokenDigest == tokenDigest
                select new SessionRow(session.Id, session.AccountId, account.DealerId, session.ExpiresAt, account.Blocked, dealer.Blocked, account.PermissionGrants, account.Login))
            .FirstOrDefault()));

    public void Add(PanelSession session) => db.PanelSessions.Add(session);

    public async Task<PanelSessionInfo?> FindByDigestAsync(byte[] tokenDigest, CancellationToken cancellationToken)
    {
        var row = await FindByDigest.For(db)(db, tokenDigest, cancellationToken);
        return row is null
            ? null
            : new PanelSessionInfo(row.Id, row.AccountId, row.DealerId, row.ExpiresAt, row.AccountBlocked, row.DealerBlocked, PanelPermissions.FromStorage(row.PermissionGrants)) { AccountLogin = row.AccountLogin };
    }

    public async Task<bool> DeleteAsync(long sessionId, CancellationToken cancellationToken) =>
        await db.PanelSessions.Where(s => s.Id == sessionId).ExecuteDeleteAsync(cancellationToken) > 0;

    public Task<int> DeleteExpiredAsync(DateTime now, int batchSize, CancellationToken cancellationToken) =>
        database.Provider.DeleteEarliestAsync(db.PanelSessions, s => s.ExpiresAt, now, batchSize, cancellationToken);

    private sealed record SessionRow(long Id, long AccountId, long DealerId, DateTime ExpiresAt, bool AccountBlocked, bool DealerBlocked, string PermissionGrants, string AccountLogin);
}
