using System.Collections.Concurrent;

namespace Navixy.Panel.Application.Common.Caching;

/// <summary>
/// A bounded in-memory map whose entries expire a fixed <c>lifetime</c> after they were kept. Shared by the caches
/// that spare the hot reads a database round trip (panel sessions, dealer reads).
/// </summary>
/// <remarks>
/// A value loaded from the database while something forgot entries could be the state from before that change, so a
/// caller takes <see cref="Generation"/> before loading and hands it to <see cref="Keep"/>, which refuses the value
/// when anything was forgotten since. When full, a miss sweeps the expired entries, but only once the first of them
/// has expired: before that a sweep would free nothing.
/// </remarks>
public sealed class ExpiringCache<TKey, TValue>(TimeSpan lifetime, int capacity)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Entry> _entries = new();
    private long _generation;
    private long _nextExpiryTicks; // no entry expires before this
    private int _sweeps;

    public bool Enabled => lifetime > TimeSpan.Zero;

    public int Count => _entries.Count;

    /// <summary>Taken before a database lookup and handed to <see cref="Keep"/> with its result.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>How many times a full cache has swept its expired entries (for tests).</summary>
    internal int Sweeps => Volatile.Read(ref _sweeps);

    public bool TryFind(TKey key, DateTime now, out TValue value)
    {
        if (Enabled && _entries.TryGetValue(key, out var entry) && now < entry.KeptUntil)
        {
            value = entry.Value;
            return true;
        }

        value = default!;
        return false;
    }

    public void Keep(TKey key, TValue value, DateTime now, long generation)
    {
        if (!Enabled || generation != Generation)
        {
            return;
        }

        if (_entries.Count >= capacity)
        {
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

        _entries[key] = new Entry(value, now + lifetime);
        if (generation != Generation)
        {
            // Something was forgotten while this entry went in: that sweep may have missed it.
            _entries.TryRemove(key, out _);
        }
    }

    /// <summary>Forgets the entries <paramref name="match"/> selects; loads already running cannot put them back.</summary>
    public void ForgetWhere(Func<TKey, TValue, bool> match)
    {
        Interlocked.Increment(ref _generation);
        foreach (var pair in _entries)
        {
            if (match(pair.Key, pair.Value.Value))
            {
                _entries.TryRemove(pair);
            }
        }
    }

    /// <summary>Forgets every entry; loads already running cannot put theirs back.</summary>
    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
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

    private sealed record Entry(TValue Value, DateTime KeptUntil);
}
