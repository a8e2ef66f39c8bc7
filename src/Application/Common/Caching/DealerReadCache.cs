namespace Navixy.Panel.Application.Common.Caching;

/// <summary>
/// What <c>default/read</c> and <c>user/read</c> answer, kept per API instance for up to <c>lifetime</c>
/// (<c>Database:ReadCacheSeconds</c>) so repeated reads skip the database. Every entry belongs to a dealer, and a
/// change of the dealer's MFA settings forgets all of its entries: on this instance when the change has committed
/// (<see cref="Forget"/>), on the others when the database's change notification reaches them.
/// </summary>
/// <remarks>
/// The cache serves only while it hears about changes made elsewhere. An instance whose notification channel is down
/// is <see cref="Pause">paused</see>: it reads from the database and keeps nothing, and it starts from empty when the
/// channel is back, because changes made meanwhile were not heard. The lifetime bounds what a lost notification can
/// cost. A read that was loading while anything was forgotten is not kept (it may hold the state from before the
/// change). Not-found answers are never kept, so a new user is readable at once everywhere.
/// See <c>docs/decisions.md</c>, "Read cache".
/// </remarks>
public sealed class DealerReadCache
{
    public const int DefaultCapacity = 20_000;

    private readonly ExpiringCache<Key, object?> _entries;
    private readonly TimeProvider _clock;
    private volatile bool _serving;

    /// <param name="serving">
    /// Whether it serves from the start: true where no other instance can change the data unheard (one process on an
    /// embedded database), false where a listener must first connect and <see cref="Resume"/> it.
    /// </param>
    public DealerReadCache(TimeSpan lifetime, TimeProvider clock, bool serving, int capacity = DefaultCapacity)
    {
        _entries = new ExpiringCache<Key, object?>(lifetime, capacity);
        _clock = clock;
        _serving = serving;
    }

    public bool Enabled => _entries.Enabled;

    /// <summary>True while changes made by other instances reach this one, so kept entries can be served.</summary>
    public bool Serving => _serving;

    public int Count => _entries.Count;

    /// <summary>
    /// The dealer's <typeparamref name="T"/> with id <paramref name="id"/> (0 when the dealer has one), from memory
    /// when kept, else from <paramref name="load"/>, which is kept unless the cache is paused or something was
    /// forgotten while it loaded. An exception from <paramref name="load"/> (not found) keeps nothing.
    /// </summary>
    public async Task<T> GetOrLoadAsync<T>(long dealerId, long id, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
    {
        var key = new Key(dealerId, typeof(T), id);
        if (!_entries.Enabled || !_serving)
        {
            return await load(cancellationToken);
        }

        if (_entries.TryFind(key, _clock.GetUtcNow().UtcDateTime, out var kept))
        {
            return (T)kept!;
        }

        // A pause while loading changes the generation too, so Keep refuses what was loaded.
        var generation = _entries.Generation;
        var loaded = await load(cancellationToken);
        _entries.Keep(key, loaded, _clock.GetUtcNow().UtcDateTime, generation);
        return loaded;
    }

    /// <summary>Forgets what is kept of the dealer, once its change has committed (or failed: a forget costs a load at most).</summary>
    public void Forget(long dealerId) => _entries.ForgetWhere((key, _) => key.DealerId == dealerId);

    /// <summary>Forgets everything kept; loads already running cannot put theirs back.</summary>
    public void ForgetAll() => _entries.Clear();

    /// <summary>Stops serving and forgets everything: changes made elsewhere may go unheard from now on.</summary>
    public void Pause()
    {
        _serving = false;
        _entries.Clear();
    }

    /// <summary>Serves again, from empty: changes made while paused were not heard.</summary>
    public void Resume()
    {
        _entries.Clear();
        _serving = true;
    }

    private readonly record struct Key(long DealerId, Type Kind, long Id);
}
