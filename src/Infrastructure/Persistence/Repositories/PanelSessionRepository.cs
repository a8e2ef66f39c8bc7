using Microsoft.EntityFrameworkCore;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Domain.Panel;

namespace Navixy.Panel.Infrastructure.Persistence.Repositories;

internal sealed class PanelSessionRepository(PanelDbContext db) : IPanelSessionRepository
{
    public void Add(PanelSession session) => db.PanelSessions.Add(session);

    public async Task<PanelSessionInfo?> FindByDigestAsync(byte[] tokenDigest, CancellationToken cancellationToken)
    {
        var row = await (
                from session in db.PanelSessions.AsNoTracking()
                join account in db.PanelAccounts on session.AccountId equals account.Id
                join dealer in db.Dealers on account.DealerId equals dealer.Id
                where session.TokenDigest == tokenDigest
                select new
                {
                    session.Id,
                    session.AccountId,
                    account.DealerId,
                    session.ExpiresAt,
                    AccountBlocked = account.Blocked,
                    DealerBlocked = dealer.Blocked,
                    account.PermissionGrants,
                })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null
            ? null
            : new PanelSessionInfo(row.Id, row.AccountId, row.DealerId, row.ExpiresAt, row.AccountBlocked, row.DealerBlocked, PanelPermissions.FromStorage(row.PermissionGrants));
    }

    public async Task<bool> DeleteAsync(long sessionId, CancellationToken cancellationToken) =>
        await db.PanelSessions.Where(s => s.Id == sessionId).ExecuteDeleteAsync(cancellationToken) > 0;

    public Task<int> DeleteExpiredAsync(DateTime now, CancellationToken cancellationToken) =>
        db.PanelSessions.Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
}
