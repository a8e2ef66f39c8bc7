namespace Navixy.Panel.Domain.Panel;

/// <summary>A panel session: lives a fixed time from creation and is never extended.</summary>
public sealed class PanelSession
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private PanelSession()
    {
        TokenDigest = [];
    }

    public PanelSession(byte[] tokenDigest, long accountId, long dealerId, DateTime createdAt)
    {
        ArgumentNullException.ThrowIfNull(tokenDigest);
        TokenDigest = tokenDigest;
        AccountId = accountId;
        DealerId = dealerId;
        CreatedAt = createdAt;
        ExpiresAt = createdAt + Lifetime;
    }

    public long Id { get; private set; }

    /// <summary>SHA-256 of the session hash; the hash itself is never stored.</summary>
    public byte[] TokenDigest { get; private set; }

    public long AccountId { get; private set; }

    public long DealerId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public bool IsExpired(DateTime now) => now >= ExpiresAt;
}
