using Navixy.Panel.Domain.Users;

namespace Navixy.Panel.Application.Common.Interfaces;

public interface IUserSessionRepository
{
    void Add(UserSession session);

    /// <summary>A tracked session by the digest of its hash, with its user's facts.</summary>
    Task<UserSessionInfo?> FindByDigestAsync(byte[] tokenDigest, CancellationToken cancellationToken);

    Task<UserSession?> FindAsync(long sessionId, CancellationToken cancellationToken);

    void Remove(UserSession session);

    /// <summary>Ends a session at once; returns false when it was already gone.</summary>
    Task<bool> DeleteAsync(long sessionId, CancellationToken cancellationToken);

    /// <summary>Removes at most <paramref name="batchSize"/> sessions expired at <paramref name="now"/>, earliest first; returns how many.</summary>
    Task<int> DeleteExpiredAsync(DateTime now, int batchSize, CancellationToken cancellationToken);
}
