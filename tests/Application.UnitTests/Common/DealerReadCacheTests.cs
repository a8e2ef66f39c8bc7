using Moq;
using Navixy.Panel.Application.Common.Caching;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Mfa.Models;
using Navixy.Panel.Application.UnitTests.TestSupport;

namespace Navixy.Panel.Application.UnitTests.Common;

public sealed class DealerReadCacheTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private DateTime _now;
    private Mock<TimeProvider> _clock = null!;
    private int _loads;

    [SetUp]
    public void SetUp()
    {
        _now = Fakes.Now;
        _clock = new Mock<TimeProvider>();
        _clock.Setup(c => c.GetUtcNow()).Returns(() => new DateTimeOffset(_now));
        _loads = 0;
    }

    private DealerReadCache Cache(bool serving = true, TimeSpan? lifetime = null) => new(lifetime ?? Lifetime, _clock.Object, serving);

    private Task<string> Read(DealerReadCache cache, long dealer, long id, string value = "v") =>
        cache.GetOrLoadAsync(dealer, id, _ =>
        {
            _loads++;
            return Task.FromResult($"{value}{dealer}.{id}");
        }, CancellationToken.None);

    [Test]
    public async Task A_read_is_loaded_once_and_served_until_the_lifetime_ends()
    {
        var cache = Cache();

        Assert.That(await Read(cache, 1, 7), Is.EqualTo("v1.7"));
        Assert.That(await Read(cache, 1, 7, "other"), Is.EqualTo("v1.7"), "served from memory");
        Assert.That(_loads, Is.EqualTo(1));

        _now += Lifetime;
        Assert.That(await Read(cache, 1, 7, "new"), Is.EqualTo("new1.7"));
        Assert.That(_loads, Is.EqualTo(2));
    }

    [Test]
    public async Task Forgetting_a_dealer_forgets_only_that_dealers_reads()
    {
        var cache = Cache();
        await Read(cache, 1, 7);
        await Read(cache, 1, 0);
        await Read(cache, 2, 7);

        cache.Forget(1);

        Assert.That(await Read(cache, 1, 7, "new"), Is.EqualTo("new1.7"));
        Assert.That(await Read(cache, 1, 0, "new"), Is.EqualTo("new1.0"));
        Assert.That(await Read(cache, 2, 7, "new"), Is.EqualTo("v2.7"));
        Assert.That(_loads, Is.EqualTo(5));
    }

    [Test]
    public async Task A_read_loading_while_its_dealer_is_forgotten_is_not_kept()
    {
        var cache = Cache();
        var release = new TaskCompletionSource<string>();
        var loading = cache.GetOrLoadAsync(1, 7, _ => release.Task, CancellationToken.None);

        cache.Forget(1); // a change committed while the load ran: it may hold the state from before
        release.SetResult("before the change");

        Assert.That(await loading, Is.EqualTo("before the change"), "the caller still gets its answer");
        Assert.That(await Read(cache, 1, 7, "after"), Is.EqualTo("after1.7"), "but it was not kept");
    }

    [Test]
    public async Task A_paused_cache_reads_the_database_every_time_and_resumes_from_empty()
    {
        var cache = Cache();
        await Read(cache, 1, 7);

        cache.Pause();
        Assert.That(cache.Serving, Is.False);
        Assert.That(await Read(cache, 1, 7, "a"), Is.EqualTo("a1.7"));
        Assert.That(await Read(cache, 1, 7, "b"), Is.EqualTo("b1.7"));
        Assert.That(cache.Count, Is.Zero);

        cache.Resume();
        Assert.That(await Read(cache, 1, 7, "c"), Is.EqualTo("c1.7"), "nothing from before the pause survives");
        Assert.That(await Read(cache, 1, 7, "d"), Is.EqualTo("c1.7"));
    }

    [Test]
    public async Task A_cache_created_paused_serves_only_once_resumed()
    {
        var cache = Cache(serving: false);
        await Read(cache, 1, 7, "a");
        Assert.That(await Read(cache, 1, 7, "b"), Is.EqualTo("b1.7"));

        cache.Resume();
        await Read(cache, 1, 7, "c");
        Assert.That(await Read(cache, 1, 7, "d"), Is.EqualTo("c1.7"));
    }

    [Test]
    public async Task A_read_loading_when_the_cache_pauses_is_not_kept()
    {
        var cache = Cache();
        var release = new TaskCompletionSource<string>();
        var loading = cache.GetOrLoadAsync(1, 7, _ => release.Task, CancellationToken.None);

        cache.Pause();
        cache.Resume();
        release.SetResult("from before the pause");
        await loading;

        Assert.That(await Read(cache, 1, 7, "after"), Is.EqualTo("after1.7"));
    }

    [Test]
    public async Task A_lifetime_of_zero_turns_the_cache_off()
    {
        var cache = Cache(lifetime: TimeSpan.Zero);

        Assert.That(await Read(cache, 1, 7, "a"), Is.EqualTo("a1.7"));
        Assert.That(await Read(cache, 1, 7, "b"), Is.EqualTo("b1.7"));
        Assert.That(cache.Enabled, Is.False);
    }

    [Test]
    public async Task Reads_of_different_kinds_with_the_same_id_are_kept_apart()
    {
        var cache = Cache();
        var text = await cache.GetOrLoadAsync(1, 0, _ => Task.FromResult("text"), CancellationToken.None);
        var settings = await cache.GetOrLoadAsync(1, 0, _ => Task.FromResult<MfaSettingsDto?>(new MfaSettingsDto("disallowed", null)), CancellationToken.None);

        Assert.That(text, Is.EqualTo("text"));
        Assert.That(settings, Is.EqualTo(new MfaSettingsDto("disallowed", null)));
    }

    [Test]
    public async Task A_null_answer_is_kept_like_any_other()
    {
        var cache = Cache();
        var loads = 0;
        Task<MfaSettingsDto?> Load(CancellationToken _)
        {
            loads++;
            return Task.FromResult<MfaSettingsDto?>(null);
        }

        Assert.That(await cache.GetOrLoadAsync(1, 0, Load, CancellationToken.None), Is.Null);
        Assert.That(await cache.GetOrLoadAsync(1, 0, Load, CancellationToken.None), Is.Null);
        Assert.That(loads, Is.EqualTo(1));
    }

    [Test]
    public async Task A_failed_load_keeps_nothing()
    {
        var cache = Cache();

        Assert.ThrowsAsync<NavixyException>(() => cache.GetOrLoadAsync<string>(1, 7, _ => throw new NavixyException(ErrorCode.NotFound), CancellationToken.None));

        Assert.That(cache.Count, Is.Zero);
        Assert.That(await Read(cache, 1, 7, "created"), Is.EqualTo("created1.7"), "a user created after a 201 is read at once");
    }

    [Test]
    public async Task When_full_a_new_read_is_served_but_not_kept_until_an_entry_expires()
    {
        var cache = new DealerReadCache(Lifetime, _clock.Object, serving: true, capacity: 2);
        await Read(cache, 1, 1);
        await Read(cache, 1, 2);

        await Read(cache, 1, 3);
        Assert.That(cache.Count, Is.EqualTo(2));

        _now += Lifetime;
        await Read(cache, 1, 3);
        Assert.That(cache.Count, Is.EqualTo(1), "the expired entries were swept and the new one kept");
    }
}
