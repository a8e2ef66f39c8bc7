using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Navixy.Panel.Api.FunctionalTests.Support;
using Navixy.Panel.TestSupport;

namespace Navixy.Panel.Api.FunctionalTests.Reliability;

/// <summary>Turning off all users of a 10,000-user dealer: every login mailed once, never faster than <c>Notifications:MaxPerSecond</c>.</summary>
[TestFixtureSource(typeof(TestProviders), nameof(TestProviders.All))]
public sealed class NotificationRateTests(string provider) : NotificationTest(provider, "TurnedOff", MaxPerSecond)
{
    private const int MaxPerSecond = 500;
    private const int Masters = 10_000;

    [Test]
    public async Task AllTurnedOff_OnA10000UserDealer_MailsEveryLoginOnce_AtTheConfiguredRate()
    {
        var (dealerId, hash) = await NewDealer();
        await using (var connection = DatabaseSnapshot.Connect(Factory))
        {
            await connection.OpenAsync();
            await UserGenerator.GenerateAsync(connection, dealerId, Masters, new PasswordHasher<object>().HashPassword(new object(), "Bulk-Passw0rd"));
        }

        var logins = await DatabaseSnapshot.ScalarAsync(Factory, $"SELECT COUNT(*) FROM users WHERE dealer_id = {dealerId}");
        (await Call("panel/user/mfa/settings/default/update", new { settings = Allowed }, hash)).ShouldSucceed();

        var watch = Stopwatch.StartNew();
        (await Call("panel/user/mfa/settings/update", new { target = new { type = "all" }, settings = Disallowed }, hash)).ShouldSucceed();
        var during = await Backlog();
        await DrainOutbox(within: TimeSpan.FromMinutes(10));
        var elapsed = watch.Elapsed;

        var prefix = $"bulk{dealerId}-";
        var notices = NoticesTo(TurnedOffSubject).Where(to => to.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
        TestContext.Out.WriteLine($"{Factory.Provider}: {notices.Length} notices in {elapsed.TotalSeconds:F1} s at most {MaxPerSecond}/s");
        Assert.That(logins, Is.EqualTo(Masters + (Masters / 10)), "the generator's masters and sub-users");
        Assert.That(notices, Has.Length.EqualTo(logins), "one notice per login");
        Assert.That(notices.Distinct().Count(), Is.EqualTo(logins), "no login mailed twice");
        Assert.That(elapsed.TotalSeconds, Is.GreaterThanOrEqualTo((logins - 1) / (double)MaxPerSecond), "faster than the configured rate");
        Assert.That(during.GetProperty("pending_batches").GetInt32(), Is.EqualTo(1), "/health saw the batch pending right after the change");
        Assert.That(during.GetProperty("oldest_pending_seconds").GetInt64(), Is.GreaterThanOrEqualTo(0));
    }
}
