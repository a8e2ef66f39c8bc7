using Navixy.Panel.Application.Common.Caching;
using Navixy.Panel.Application.Common.Interfaces;

namespace Navixy.Panel.Application.Common.Security;

/// <summary>
/// Keeps live panel sessions in memory for a short <c>lifetime</c> (<c>Security:SessionCacheSeconds</c>), so an
/// admin page or script that makes many calls in a row does not look its session up in the database on each one.
/// </summary>
/// <remarks>
/// A logout on this instance forgets the session at once. What another process changes (a logout on another API
/// instance, a blocked dealer or account) applies here within the lifetime; see <c>docs/decisions.md</c>. Entries
/// are keyed by the digest of the hash, never the hash. A lookup that started before a logout cannot put the logged-out
/// session back: <see cref="Keep"/> refuses it when any logout happened since its <see cref="Generation"/>.
/// </remarks>
public sealed class PanelSessionCache(TimeSpan lifetime, int capacity = PanelSessionCache.DefaultCapacity)
{
    public const int DefaultCapacity = 10_000;

    private readonly ExpiringCache<string, PanelSessionInfo> _entries = new(lifetime, capacity);

    public bool Enabled => _entries.Enabled;

    public int Count => _entries.Count;

    /// <summary>Taken before a database lookup and handed to <see cref="Keep"/> with its result.</summary>
    public long Generation => _entries.Generation;

    /// <summary>How many times a full cache has swept its expired entries (for tests).</summary>
    internal int Sweeps => _entries.Sweeps;

    public PanelSessionInfo? Find(byte[] digest, DateTime now) =>
        _entries.TryFind(Key(digest), now, out var session) ? session : null;

    public void Keep(byte[] digest, PanelSessionInfo session, DateTime now, long generation) =>
        _entries.Keep(Key(digest), session, now, generation);

    /// <summary>Forgets a session once it has been deleted (logout), before the caller reports it ended.</summary>
    public void Forget(long sessionId) => _entries.ForgetWhere((_, session) => session.SessionId == sessionId);

    private static string Key(byte[] digest) => Convert.ToHexString(digest);
}
