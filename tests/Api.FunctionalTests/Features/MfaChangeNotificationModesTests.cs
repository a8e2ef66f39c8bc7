using Navixy.Panel.Api.FunctionalTests.Support;
using Navixy.Panel.TestSupport;

namespace Navixy.Panel.Api.FunctionalTests.Features;

/// <summary><c>Notifications:MfaChanges=Off</c>: no change is mailed, and nothing is recorded for one.</summary>
[TestFixtureSource(typeof(TestProviders), nameof(TestProviders.All))]
public sealed class MfaChangeNotificationsOffTests(string provider) : NotificationTest(provider, "Off")
{
    [Test]
    public async Task TurningOff_SendsNothing_AndRecordsNoBatch()
    {
        var (dealerId, hash) = await NewDealer();
        var user = await NewUser(hash, ownMfa: Allowed);
        (await Call("panel/user/mfa/settings/default/update", new { settings = Allowed }, hash)).ShouldSucceed();

        (await Call("panel/user/mfa/settings/update", new { target = new { type = "all" }, settings = Disallowed }, hash)).ShouldSucceed();
        (await Call("panel/user/mfa/settings/default/update", new { settings = Disallowed }, hash)).ShouldSucceed();

        Assert.That(await DatabaseSnapshot.ScalarAsync(Factory, $"SELECT COUNT(*) FROM notification_batches WHERE dealer_id = {dealerId}"), Is.Zero);
        Assert.That(NoticesTo(TurnedOffSubject), Does.Not.Contain(user.Login));
        Assert.That(await MfaAllowed(user.Id, hash), Is.False, "the change itself applied");
    }
}

/// <summary><c>Notifications:MfaChanges=All</c>: turning MFA on is mailed too.</summary>
[TestFixtureSource(typeof(TestProviders), nameof(TestProviders.All))]
public sealed class MfaChangeNotificationsAllTests(string provider) : NotificationTest(provider, "All")
{
    [Test]
    public async Task TurningOn_SaysTheNextSignInAsksForACodeSentToThisAddress()
    {
        var (_, hash) = await NewDealer();
        var user = await NewUser(hash);
        var sub = await NewSubUser(user.Login);
        var alreadyOn = await NewUser(hash, ownMfa: Allowed);

        (await Call("panel/user/mfa/settings/update", new { target = new { type = "all" }, settings = Allowed }, hash)).ShouldSucceed();
        await DrainOutbox();

        var notices = Mailbox.WithSubject(Factory.MailDirectory, TurnedOnSubject);
        Assert.That(notices.Select(n => n.To).Where(new[] { user.Login, sub, alreadyOn.Login }.Contains), Is.EquivalentTo(new[] { user.Login, sub }));
        Assert.That(notices.First(n => n.To == user.Login).Text, Does.Contain("The next time you sign in, you will be asked for a code sent to this address."));
    }

    [Test]
    public async Task OffThenOnBeforeDelivery_MailsBothInOrder()
    {
        var (_, hash) = await NewDealer();
        var user = await NewUser(hash, ownMfa: Allowed);
        var selected = new { type = "selected", ids = new[] { user.Id } };

        (await Call("panel/user/mfa/settings/update", new { target = selected, settings = Disallowed }, hash)).ShouldSucceed();
        (await Call("panel/user/mfa/settings/update", new { target = selected, settings = Allowed }, hash)).ShouldSucceed();
        await DrainOutbox();

        Assert.That(NoticesTo(TurnedOffSubject).Count(n => n == user.Login), Is.EqualTo(1), "the later turn-on does not overtake the turn-off");
        Assert.That(NoticesTo(TurnedOnSubject).Count(n => n == user.Login), Is.EqualTo(1));
    }
}
