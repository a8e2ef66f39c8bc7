using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Application.Common.Security;
using Navixy.Panel.Application.UnitTests.TestSupport;
using Navixy.Panel.Domain.Panel;

namespace Navixy.Panel.Application.UnitTests.Common;

public sealed class PanelSessionCacheTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private static PanelSessionInfo Session(long id) => new(id, 2, 3, Fakes.Now.AddHours(1), false, false, PanelPermissions.All);

    private static byte[] Digest(long id) => BitConverter.GetBytes(id).Concat(new byte[24]).ToArray();

    [Test]
    public void A_kept_session_is_found_until_the_lifetime_ends()
    {
        var cache = new PanelSessionCache(Lifetime);
        cache.Keep(Digest(1), Session(1), Fakes.Now, cache.Generation);

        Assert.Multiple(() =>
        {
            Assert.That(cache.Find(Digest(1), Fakes.Now.AddSeconds(4.99)), Is.EqualTo(Session(1)));
            Assert.That(cache.Find(Digest(1), Fakes.Now.AddSeconds(5)), Is.Null);
            Assert.That(cache.Find(Digest(2), Fakes.Now), Is.Null);
        });
    }

    [Test]
    public void A_lifetime_of_zero_keeps_nothing()
    {
        var cache = new PanelSessionCache(TimeSpan.Zero);
        cache.Keep(Digest(1), Session(1), Fakes.Now, cache.Generation);

        Assert.That(cache.Find(Digest(1), Fakes.Now), Is.Null);
        Assert.That(cache.Count, Is.Zero);
    }

    [Test]
    public void Forget_removes_only_that_session()
    {
        var cache = new PanelSessionCache(Lifetime);
        cache.Keep(Digest(1), Session(1), Fakes.Now, cache.Generation);
        cache.Keep(Digest(2), Session(2), Fakes.Now, cache.Generation);

        cache.Forget(1);

        Assert.That(cache.Find(Digest(1), Fakes.Now), Is.Null);
        Assert.That(cache.Find(Digest(2), Fakes.Now), Is.EqualTo(Session(2)));
    }

    [Test]
    public void A_lookup_that_began_before_a_logout_cannot_put_its_session_back()
    {
        var cache = new PanelSessionCache(Lifetime);
        var generation = cache.Generation; // the lookup reads the row, then the logout deletes and forgets it

        cache.Forget(1);
        cache.Keep(Digest(1), Session(1), Fakes.Now, generation);

        Assert.That(cache.Find(Digest(1), Fakes.Now), Is.Null);
    }

    [Test]
    public void When_full_expired_entries_make_room_and_live_ones_are_never_pushed_out()
    {
        var cache = new PanelSessionCache(Lifetime, capacity: 2);
        cache.Keep(Digest(1), Session(1), Fakes.Now, cache.Generation);
        cache.Keep(Digest(2), Session(2), Fakes.Now.AddSeconds(3), cache.Generation);

        cache.Keep(Digest(3), Session(3), Fakes.Now.AddSeconds(4), cache.Generation);
        Assert.That(cache.Find(Digest(3), Fakes.Now.AddSeconds(4)), Is.Null, "full of live entries: not kept");

        cache.Keep(Digest(3), Session(3), Fakes.Now.AddSeconds(6), cache.Generation);
        Assert.Multiple(() =>
        {
            Assert.That(cache.Find(Digest(3), Fakes.Now.AddSeconds(6)), Is.EqualTo(Session(3)), "the expired entry of session 1 made room");
            Assert.That(cache.Find(Digest(2), Fakes.Now.AddSeconds(6)), Is.EqualTo(Session(2)));
            Assert.That(cache.Count, Is.EqualTo(2));
        });
    }

    [Test]
    public void When_full_of_live_entries_a_miss_sweeps_only_once_the_first_of_them_expires()
    {
        var cache = new PanelSessionCache(Lifetime, capacity: 2);
        cache.Keep(Digest(1), Session(1), Fakes.Now, cache.Generation);                 // until +5 s
        cache.Keep(Digest(2), Session(2), Fakes.Now.AddSeconds(3), cache.Generation);  // until +8 s

        cache.Keep(Digest(3), Session(3), Fakes.Now.AddSeconds(4), cache.Generation);
        Assert.That(cache.Sweeps, Is.EqualTo(1), "the first miss when full sweeps");
        for (var i = 0; i < 100; i++)
        {
            cache.Keep(Digest(10 + i), Session(10 + i), Fakes.Now.AddSeconds(4.5), cache.Generation);
        }

        Assert.That(cache.Sweeps, Is.EqualTo(1), "nothing can have expired before +5 s: no sweep");

        cache.Keep(Digest(3), Session(3), Fakes.Now.AddSeconds(5), cache.Generation);
        Assert.Multiple(() =>
        {
            Assert.That(cache.Sweeps, Is.EqualTo(2));
            Assert.That(cache.Find(Digest(3), Fakes.Now.AddSeconds(5)), Is.EqualTo(Session(3)), "session 1 expired and made room");
        });
    }

    [Test]
    public async Task Concurrent_lookups_and_logouts_never_leave_a_forgotten_session_behind()
    {
        var cache = new PanelSessionCache(Lifetime);
        for (var round = 0; round < 200; round++)
        {
            var loggedOut = 0;
            var lookups = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            {
                for (var i = 0; i < 50; i++)
                {
                    // A lookup reads the row only while the logout has not deleted it yet.
                    var generation = cache.Generation;
                    if (Volatile.Read(ref loggedOut) == 0)
                    {
                        cache.Keep(Digest(round), Session(round), Fakes.Now, generation);
                    }
                }
            })).ToList();
            var logout = Task.Run(() =>
            {
                Volatile.Write(ref loggedOut, 1); // the delete
                cache.Forget(round);
            });
            await Task.WhenAll([.. lookups, logout]);

            Assert.That(cache.Find(Digest(round), Fakes.Now), Is.Null, $"round {round}");
        }
    }
}
