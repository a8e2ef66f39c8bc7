using Microsoft.EntityFrameworkCore;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Domain.Users;

namespace Navixy.Panel.Infrastructure.Persistence.Repositories;

internal sealed class UserSessionRepository(PanelDbContext db, DatabaseOptions database) : IUserSessionRepository
{
    public void Add(UserSession session) => db.UserSessions.Add(session);

    public async Task<UserSessionInfo?> FindByDigestAsync(byte[] tokenDigest, CancellationToken cancellationToken)
    {
        var row = await (
                from session in db.UserSessions
                join user in db.Users on session.UserId equals user.Id
                join dealer in db.Dealers on user.DealerId equals dealer.Id
                where session.TokenDigest == tokenDigest
                select new { Session = session, user.MasterId, user.Activated, DealerBlocked = dealer.Blocked })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new UserSessionInfo(row.Session, row.MasterId, row.Activated, row.DealerBlocked);
    }

    public Task<UserSession?> FindAsync(long sessionId, CancellationToken cancellationToken) =>
        db.UserSessions.FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);

    public void Remove(UserSession session) => db.UserSessions.Remove(session);

    public async Task<bool> DeleteAsync(long sessionId, CancellationToken cancellationToken) =>
        await db.UserSessions.Where(s => s.Id == sessionId).ExecuteDeleteAsync(cancellationToken) > 0;

    public Task<int> DeleteExpiredAsync(DateTime now, int batchSize, CancellationToken cancellationToken) =>
        database.Provider.DeleteEarliestAsync(db.UserSessions, s => s.ExpiresAt, now, batchSize, cancellationToken);
}
