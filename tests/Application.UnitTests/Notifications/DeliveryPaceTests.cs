using Microsoft.Extensions.Time.Testing;
using Navixy.Panel.Application.Notifications;

namespace Navixy.Panel.Application.UnitTests.Notifications;

/// <summary>The pace on a fake clock: nothing here waits for real time, the clock is moved by hand.</summary>
public sealed class DeliveryPaceTests
{
    [Test]
    public async Task WaitAsync_AtTenASecond_LetsTheFirstGoAtOnce_AndEachNextOnlyATenthOfASecondLater()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        var pace = new DeliveryPace(10, clock);

        await pace.WaitAsync(CancellationToken.None);
        var second = pace.WaitAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMilliseconds(99));
        var earlyCompleted = second.IsCompleted;
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(earlyCompleted, Is.False, "the second message waited for its slot");
        Assert.That(pace.WaitAsync(CancellationToken.None).IsCompleted, Is.False, "the third waits a tenth of a second after the second");
    }

    [Test]
    public async Task WaitAsync_AfterALongPause_DoesNotMakeUpMissedSlots()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        var pace = new DeliveryPace(10, clock);
        await pace.WaitAsync(CancellationToken.None);

        clock.Advance(TimeSpan.FromSeconds(5));
        await pace.WaitAsync(CancellationToken.None);

        Assert.That(pace.WaitAsync(CancellationToken.None).IsCompleted, Is.False, "no burst of the fifty slots missed");
    }
}
