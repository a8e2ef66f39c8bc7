using Navixy.Panel.Domain.Panel;

namespace Navixy.Panel.Application.Common.Interfaces;

public interface IPanelSessionRepository
{
    void Add(PanelSession session);

    /// <summary>Looks a session up by the digest of its hash, with its account and dealer, in one query.</summary>
    Task<PanelSessionInfo?> FindByDigestAsync(byte[] tokenDigest, CancellationToken cancellationToken);

    /// <summary>Ends a session; returns false when it was already gone.</summary>
    Task<bool> DeleteAsync(long sessionId, CancellationToken cancellationToken);

    /// <summary>Removes at most <paramref name="batchSize"/> sessions expired at <paramref name="now"/>, earliest first; returns how many.</summary>
    Task<int> DeleteExpiredAsync(DateTime now, int batchSize, CancellationToken cancellationToken);
}
