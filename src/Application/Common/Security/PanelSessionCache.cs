using System.Collections.Concurrent;
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

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;
    private long _nextExpiryTicks; // no entry expires before this: while full, a miss sweeps only once one has
    private int _sweeps;

    public bool Enabled => lifetime > TimeSpan.Zero;

    public int Count => _entries.Count;

    /// <summary>Taken before a database lookup and handed to <see cref="Keep"/> with its result.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>How many times a full cache has swept its expired entries (for tests).</summary>
    internal int Sweeps => Volatile.Read(ref _sweeps);

    public PanelSessionInfo? Find(byte[] digest, DateTime now)
    {
        if (!Enabled || !_entries.TryGetValue(Key(digest), out var entry))
        {
            return null;
        }

        return now < entry.KeptUntil ? entry.Session : null;
    }

    public void Keep(byte[] digest, PanelSessionInfo session, DateTime now, long generation)
    {
        if (!Enabled || generation != Generation)
        {
            return;
        }

        if (_entries.Count >= capacity)
        {
            // Full of sessions used within the lifetime: until the first of them expires a sweep would free
            // nothing, so a miss costs no sweep.
            if (now.Ticks < Interlocked.Read(ref _nextExpiryTicks))
            {
                return;
            }

            Sweep(now);
            if (_entries.Count >= capacity)
            {
                return;
            }
        }

        var key = Key(digest);
        _entries[key] = new Entry(session, now + lifetime);
        if (generation != Generation)
        {
            // A logout ran while this entry went in: its sweep may have missed it.
            _entries.TryRemove(key, out _);
        }
    }

    /// <summary>Forgets a session once it has been deleted (logout), before the caller reports it ended.</summary>
    public void Forget(long sessionId)
    {
        Interlocked.Increment(ref _generation);
        foreach (var pair in _entries)
        {
            if (pair.Value.Session.SessionId == sessionId)
            {
                _entries.TryRemove(pair);
            }
        }
    }

    private void Sweep(DateTime now)
    {
        Interlocked.Increment(ref _sweeps);
        var nextExpiry = DateTime.MaxValue;
        foreach (var pair in _entries)
        {
            if (now >= pair.Value.KeptUntil)
            {
                _entries.TryRemove(pair);
            }
            else if (pair.Value.KeptUntil < nextExpiry)
            {
                nextExpiry = pair.Value.KeptUntil;
            }
        }

        // Entries kept after this sweep expire later still; one forgotten or replaced only makes a sweep come early.
        Interlocked.Exchange(ref _nextExpiryTicks, nextExpiry.Ticks);
    }

    private static string Key(byte[] digest) => Convert.ToHexString(digest);

    private sealed record Entry(PanelSessionInfo Session, DateTime KeptUntil);
}
