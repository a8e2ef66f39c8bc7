using Navixy.Panel.Domain.Users;

namespace Navixy.Panel.Domain.UnitTests;

public sealed class UserSessionTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc);

    private static bool Same(byte[] a, byte[] b) => a.AsSpan().SequenceEqual(b);

    private static UserSession WithCode(byte code = 1)
    {
        var session = UserSession.StartSecondFactor([9], 1, Now);
        session.IssueCode([code], Now);
        return session;
    }

    [Test]
    public void FullSession_SlidesThirtyDaysFromLastUse()
    {
        var session = UserSession.StartFull([9], 1, Now);
        Assert.That(session.Touch(Now.AddMinutes(1)), Is.False, "touches inside the granularity are not written");
        Assert.That(session.Touch(Now.AddDays(10)), Is.True);
        Assert.That(session.IsExpired(Now.AddDays(39)), Is.False);
        Assert.That(session.IsExpired(Now.AddDays(40)), Is.True);
    }

    [Test]
    public void SecondFactorSession_LivesFifteenMinutesAndIsNeverExtended()
    {
        var session = UserSession.StartSecondFactor([9], 1, Now);
        Assert.That(session.Touch(Now.AddMinutes(10)), Is.False);
        Assert.That(session.IsExpired(Now.AddMinutes(15)), Is.True);
    }

    [Test]
    public void Code_IsSingleUse()
    {
        var session = WithCode();
        Assert.That(session.CheckCode([1], Now, Same), Is.EqualTo(CodeCheck.Accepted));
        Assert.That(session.CheckCode([1], Now, Same), Is.EqualTo(CodeCheck.NoUsableCode));
    }

    [Test]
    public void Code_ExpiresAfterFiveMinutes()
    {
        Assert.That(WithCode().CheckCode([1], Now.AddMinutes(5).AddTicks(-1), Same), Is.EqualTo(CodeCheck.Accepted));
        Assert.That(WithCode().CheckCode([1], Now.AddMinutes(5), Same), Is.EqualTo(CodeCheck.NoUsableCode));
    }

    [Test]
    public void FiveWrongCodes_VoidTheCode()
    {
        var session = WithCode();
        for (var i = 0; i < 4; i++)
        {
            Assert.That(session.CheckCode([2], Now, Same), Is.EqualTo(CodeCheck.Wrong));
        }

        Assert.That(session.CheckCode([2], Now, Same), Is.EqualTo(CodeCheck.Wrong));
        Assert.That(session.CheckCode([1], Now, Same), Is.EqualTo(CodeCheck.NoUsableCode));
    }

    [Test]
    public void Resend_NeverResetsWrongCounter_NewCodeGetsItsOwnFiveTries()
    {
        var session = WithCode();
        for (var i = 0; i < 5; i++)
        {
            session.CheckCode([2], Now, Same);
        }

        session.IssueCode([3], Now.AddMinutes(1));

        Assert.That(session.WrongAttempts, Is.EqualTo(5));
        Assert.That(session.CheckCode([1], Now.AddMinutes(1), Same), Is.EqualTo(CodeCheck.Wrong), "the old code is void");
        Assert.That(session.CheckCode([3], Now.AddMinutes(1), Same), Is.EqualTo(CodeCheck.Accepted));
        Assert.That(session.WrongAttempts, Is.EqualTo(6));
    }

    [Test]
    public void Resend_OncePerMinuteAndAtMostFiveSends()
    {
        var session = WithCode();
        Assert.That(session.CanSendCode(Now.AddSeconds(59)), Is.EqualTo(CodeSendRefusal.TooSoon));
        var at = Now;
        for (var i = 0; i < 4; i++)
        {
            at = at.AddSeconds(60);
            Assert.That(session.CanSendCode(at), Is.Null);
            session.IssueCode([(byte)(10 + i)], at);
        }

        Assert.That(session.SendCount, Is.EqualTo(5));
        Assert.That(session.CanSendCode(at.AddMinutes(5)), Is.EqualTo(CodeSendRefusal.SendLimitReached));
        Assert.Throws<InvalidOperationException>(() => session.IssueCode([99], at.AddMinutes(5)));
    }

    [Test]
    public void FullSession_CarriesNoCode() =>
        Assert.Throws<InvalidOperationException>(() => UserSession.StartFull([9], 1, Now).CanSendCode(Now));
}
