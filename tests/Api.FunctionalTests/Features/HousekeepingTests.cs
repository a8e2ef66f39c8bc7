using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Navixy.Panel.Api.FunctionalTests.Support;
using Navixy.Panel.Application.Housekeeping;
using Navixy.Panel.Infrastructure.Persistence;
using Navixy.Panel.TestSupport;

namespace Navixy.Panel.Api.FunctionalTests.Features;

/// <summary>
/// Housekeeping in a running API: what <c>user/auth</c> and failed logins leave behind goes once it expires, what
/// is live keeps working, and <c>/health</c> and the log report the pass.
/// </summary>
[TestFixtureSource(typeof(TestProviders), nameof(TestProviders.All))]
public sealed class HousekeepingTests(string provider) : FunctionalTest(provider)
{
    private const string Password = "User-Passw0rd";
    private static readonly object Allowed = new { type = "allowed", factor_types = new[] { "email" } };

    protected override PanelApiFactory CreateFactory(string provider)
    {
        var factory = new PanelApiFactory(provider) { MinimumLogLevel = LogLevel.Information };
        factory.Settings["Housekeeping:IntervalSeconds"] = "3600"; // only the pass at start runs by itself
        return factory;
    }

    [Test]
    public async Task Pass_RemovesExpiredSecondFactorSessionsAndStaleFailures_KeepsLiveOnes_AndReportsIt()
    {
        var status = Factory.Services.GetRequiredService<HousekeepingStatus>();
        await WaitForAsync(() => status.Last is not null, "the pass at start");
        var (_, panel) = await NewDealer();
        var withCode = await NewUser(panel, ownMfa: Allowed);
        var plain = await NewUser(panel);
        var stale = (await Call("user/auth", new { login = withCode.Login, password = Password })).ShouldSucceed().Hash;
        var full = (await Call("user/auth", new { login = plain.Login, password = Password })).ShouldSucceed().Hash;
        for (var i = 0; i < 5; i++)
        {
            (await Call("user/auth", new { login = Unique("spray") + "@example.com", password = "guess" })).ShouldFail(102);
        }

        Factory.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        var fresh = (await Call("user/auth", new { login = withCode.Login, password = Password })).ShouldSucceed().Hash;
        (await Call("user/auth", new { login = plain.Login, password = "wrong" })).ShouldFail(102);
        var before = await RowCountsAsync();
        Factory.Log.Clear();

        var removed = await Factory.Services.GetRequiredService<Housekeeper>().RunAsync(CancellationToken.None);

        Assert.That(removed, Is.EquivalentTo(new Dictionary<string, int> { ["panel_sessions"] = 0, ["user_sessions"] = 1, ["login_failures"] = 5, ["second_factor_events"] = 0, ["audit_events"] = 0, ["notification_batches"] = 0 }), "the two code mails are within the day");
        var after = await RowCountsAsync();
        Assert.That(after, Is.EqualTo((before.Panel, before.User - 1, before.Failures - 5)));
        (await Call("user/get_info", null, full)).ShouldSucceed();
        (await Call("user/auth/code/verify", new { code = Mailbox.CodesFor(Factory.MailDirectory, withCode.Login)[^1] }, fresh)).ShouldSucceed();
        (await Call("user/auth/code/verify", new { code = "000000" }, stale)).ShouldFail(4);
        (await Call("panel/user/read", new { user_id = plain.Id }, panel)).ShouldSucceed();

        var health = await HealthAsync(Factory);
        Assert.That(health.GetProperty("status").GetString(), Is.EqualTo("healthy"), "the existing fields stay");
        var housekeeping = health.GetProperty("housekeeping");
        Assert.That(housekeeping.GetProperty("state").GetString(), Is.EqualTo("on"));
        Assert.That(housekeeping.GetProperty("removed").GetInt64(), Is.EqualTo(6));
        Assert.That(housekeeping.GetProperty("last_run").GetDateTime(), Is.EqualTo(Factory.Clock.GetUtcNow().UtcDateTime).Within(TimeSpan.FromMinutes(1)));

        var lines = Factory.Log.Entries.Where(e => e.Contains(typeof(Housekeeper).FullName!, StringComparison.Ordinal)).ToArray();
        Assert.That(lines, Has.Length.EqualTo(1), "one line per pass, none per row");
        Assert.That(lines[0], Does.StartWith("Information").And.Contain("removed 6 rows").And.Contain("user_sessions 1").And.Contain("login_failures 5"));
    }

    [Test]
    public async Task IntervalZero_TurnsHousekeepingOff_AndHealthSaysSo()
    {
        using var off = new PanelApiFactory(Factory.Provider, sharing: Factory) { MinimumLogLevel = LogLevel.Information };
        off.Settings["Housekeeping:IntervalSeconds"] = "0";

        var housekeeping = (await HealthAsync(off)).GetProperty("housekeeping");

        Assert.That(housekeeping.GetProperty("state").GetString(), Is.EqualTo("off"));
        Assert.That(housekeeping.GetProperty("last_run").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(off.Log.Text, Does.Contain("Housekeeping is off"));
        Assert.That(off.Log.Text, Does.Not.Contain("Housekeeping removed"));
    }

    private static async Task<JsonElement> HealthAsync(PanelApiFactory factory)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/health");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private async Task<(int Panel, int User, int Failures)> RowCountsAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PanelDbContext>();
        return (await db.PanelSessions.CountAsync(), await db.UserSessions.CountAsync(), await db.LoginFailures.CountAsync());
    }

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"waited 30 s for {what}");
            await Task.Delay(20);
        }
    }
}
