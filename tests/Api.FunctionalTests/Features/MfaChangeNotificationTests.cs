using Navixy.Panel.Api.FunctionalTests.Support;
using Navixy.Panel.TestSupport;

namespace Navixy.Panel.Api.FunctionalTests.Features;

/// <summary>The default <c>Notifications:MfaChanges=TurnedOff</c>: a change that turns MFA off mails every login it concerns.</summary>
[TestFixtureSource(typeof(TestProviders), nameof(TestProviders.All))]
public sealed class MfaChangeNotificationTests(string provider) : NotificationTest(provider, "TurnedOff")
{
    [Test]
    public async Task SelectedTurnedOff_MailsEachMasterAndSubUser_NeverADemoUser()
    {
        var (_, hash) = await NewDealer();
        var withSubs = await NewUser(hash);
        var subs = new[] { await NewSubUser(withSubs.Login), await NewSubUser(withSubs.Login) };
        var followsDefault = await NewUser(hash);
        var demo = await NewUser(hash, ownMfa: Allowed, demo: true);
        var notSelected = await NewUser(hash);
        (await Call("panel/user/mfa/settings/default/update", new { settings = Allowed }, hash)).ShouldSucceed();
        await DrainOutbox();
        Assert.That(NoticesTo(TurnedOnSubject), Is.Empty, "turning on is not mailed with TurnedOff");

        (await Call("panel/user/mfa/settings/update", new { target = new { type = "selected", ids = new[] { withSubs.Id, followsDefault.Id, demo.Id } }, settings = Disallowed }, hash)).ShouldSucceed();
        await DrainOutbox();

        var mine = new[] { withSubs.Login, followsDefault.Login, demo.Login, notSelected.Login }.Concat(subs).ToHashSet();
        Assert.That(NoticesTo(TurnedOffSubject).Where(mine.Contains), Is.EquivalentTo(new[] { withSubs.Login, followsDefault.Login }.Concat(subs)));
    }

    [Test]
    public async Task TurnedOffNotice_SaysWhatWhenByWhomAndWhatToDo_InTextAndHtml()
    {
        var (_, hash) = await NewDealer();
        var user = await NewUser(hash, ownMfa: Allowed);

        (await Call("panel/user/mfa/settings/update", new { target = new { type = "selected", ids = new[] { user.Id } }, settings = Disallowed }, hash)).ShouldSucceed();
        await DrainOutbox();

        var notice = Mailbox.WithSubject(Factory.MailDirectory, TurnedOffSubject).Single(m => m.To == user.Login);
        var today = Factory.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var part in new[] { notice.Text, notice.Html })
        {
            Assert.That(part, Does.Contain($"turned off for your account {user.Login} on {today}").And.Contain(" UTC by your service provider")
                .And.Contain("If you did not expect this change, contact your service provider"));
        }

        Assert.That(notice.Html, Does.StartWith("<!DOCTYPE html>").And.Contain("<p>"));
    }

    [Test]
    public async Task SelectedTurnedOff_WhenAlreadyOff_MailsNobody()
    {
        var (_, hash) = await NewDealer();
        var off = await NewUser(hash, ownMfa: Disallowed);
        var followsOffDefault = await NewUser(hash);

        (await Call("panel/user/mfa/settings/update", new { target = new { type = "selected", ids = new[] { off.Id, followsOffDefault.Id } }, settings = Disallowed }, hash)).ShouldSucceed();
        await DrainOutbox();

        Assert.That(NoticesTo(TurnedOffSubject), Does.Not.Contain(off.Login).And.Not.Contain(followsOffDefault.Login));
    }

    [Test]
    public async Task DefaultTurnedOff_MailsTheUsersThatFollowIt_NotThoseWithTheirOwn()
    {
        var (_, hash) = await NewDealer();
        var follower = await NewUser(hash);
        var followerSub = await NewSubUser(follower.Login);
        var own = await NewUser(hash, ownMfa: Allowed);
        (await Call("panel/user/mfa/settings/default/update", new { settings = Allowed }, hash)).ShouldSucceed();

        (await Call("panel/user/mfa/settings/default/update", new { settings = Disallowed }, hash)).ShouldSucceed();
        await DrainOutbox();

        var notices = NoticesTo(TurnedOffSubject);
        Assert.That(notices.Count(n => n == follower.Login), Is.EqualTo(1));
        Assert.That(notices.Count(n => n == followerSub), Is.EqualTo(1));
        Assert.That(notices, Does.Not.Contain(own.Login));
    }

    [Test]
    public async Task Health_ReportsAnEmptyBacklogOnceDelivered()
    {
        var (_, hash) = await NewDealer();
        var user = await NewUser(hash, ownMfa: Allowed);
        (await Call("panel/user/mfa/settings/update", new { target = new { type = "selected", ids = new[] { user.Id } }, settings = Disallowed }, hash)).ShouldSucceed();

        await DrainOutbox();

        var backlog = await Backlog();
        Assert.That(backlog.GetProperty("pending_batches").GetInt32(), Is.Zero);
        Assert.That(backlog.GetProperty("oldest_pending_seconds").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
        Assert.That(NoticesTo(TurnedOffSubject).Count(n => n == user.Login), Is.EqualTo(1));
    }

    [Test]
    public async Task DeliveredBatch_IsInTheSecurityLog_WithItsCount_ByTheSystem()
    {
        var (_, hash) = await NewDealer("users:read,users:update,users:create,audit:read");
        var withSub = await NewUser(hash);
        await NewSubUser(withSub.Login);
        var other = await NewUser(hash);
        (await Call("panel/user/mfa/settings/update", new { target = new { type = "selected", ids = new[] { withSub.Id, other.Id } }, settings = Allowed }, hash)).ShouldSucceed();
        (await Call("panel/user/mfa/settings/update", new { target = new { type = "all" }, settings = Disallowed }, hash)).ShouldSucceed();

        await DrainOutbox();

        var list = (await Call("panel/audit/list", new { actions = new[] { "mfa.notices.turned_off" } }, hash)).ShouldSucceed()["list"].EnumerateArray().ToArray();
        Assert.That(list, Has.Length.EqualTo(1), "one event a delivered batch");
        Assert.That(list[0].GetProperty("affected").GetInt32(), Is.EqualTo(3), "the master users' and the sub-user's messages");
        Assert.That(list[0].GetProperty("actor").GetProperty("type").GetString(), Is.EqualTo("system"));
        Assert.That(NoticesTo(TurnedOffSubject).Count(n => n == other.Login), Is.EqualTo(1));
    }
}
