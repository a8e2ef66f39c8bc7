using Navixy.Panel.Domain.Security;

namespace Navixy.Panel.Domain.UnitTests;

public sealed class AttemptLimitTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly AttemptLimit FivePerQuarter = new(5, TimeSpan.FromMinutes(15));

    [Test]
    public void FreeAt_UnderTheLimit_IsNow() =>
        Assert.That(FivePerQuarter.FreeAt([Now.AddMinutes(-1), Now.AddMinutes(-2)], Now), Is.EqualTo(Now));

    [Test]
    public void FreeAt_AtTheLimit_IsWhenTheOldestCountedEventLeavesTheWindow()
    {
        DateTime[] recent = [Now.AddMinutes(-1), Now.AddMinutes(-9), Now.AddMinutes(-3), Now.AddMinutes(-12), Now.AddMinutes(-5), Now.AddMinutes(-20)];

        Assert.That(FivePerQuarter.FreeAt(recent, Now), Is.EqualTo(Now.AddMinutes(3)));
    }
}
