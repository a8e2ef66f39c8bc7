using System.Diagnostics;
using System.Text.Json;

namespace Navixy.Panel.Api.FunctionalTests.Support;

/// <summary>
/// Base of the notification suites: a host whose <c>Notifications</c> settings the fixture chooses, mail into its
/// pickup folder, and helpers to wait for the outbox and read the notices.
/// </summary>
public abstract class NotificationTest(string provider, string mode, int maxPerSecond = 1000) : FunctionalTest(provider)
{
    protected const string TurnedOffSubject = "Two-factor authentication was turned off";
    protected const string TurnedOnSubject = "Two-factor authentication was turned on";
    protected static readonly object Allowed = new { type = "allowed", factor_types = new[] { "email" } };
    protected static readonly object Disallowed = new { type = "disallowed" };

    protected override PanelApiFactory CreateFactory(string provider) => new(provider)
    {
        Settings =
        {
            ["Notifications:MfaChanges"] = mode,
            ["Notifications:MaxPerSecond"] = maxPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
    };

    /// <summary>The <c>notifications</c> object of <c>/health</c>.</summary>
    protected async Task<JsonElement> Backlog()
    {
        using var health = await Client.GetAsync("/health");
        return JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement.GetProperty("notifications").Clone();
    }

    /// <summary>Waits until every recorded batch is delivered (a bound on liveness, not a speed target).</summary>
    protected async Task DrainOutbox(TimeSpan? within = null)
    {
        var watch = Stopwatch.StartNew();
        while ((await Backlog()).GetProperty("pending_batches").GetInt32() > 0)
        {
            Assert.That(watch.Elapsed, Is.LessThan(within ?? TimeSpan.FromSeconds(60)), "the outbox did not drain");
            await Task.Delay(100);
        }
    }

    /// <summary>The recipients of the notices with that subject, one entry a message.</summary>
    protected string[] NoticesTo(string subject) => Mailbox.WithSubject(Factory.MailDirectory, subject).Select(m => m.To).ToArray();

    /// <summary>Registers a sub-user of a master whose MFA is off (so its password alone signs in).</summary>
    protected async Task<string> NewSubUser(string masterLogin)
    {
        var session = (await Call("user/auth", new { login = masterLogin, password = "User-Passw0rd" })).ShouldSucceed().Hash;
        var login = Unique("sub") + "@example.com";
        (await Call("subuser/register", new { user = new { login, first_name = "S", last_name = "U" }, password = "Sub-Passw0rd" }, session)).ShouldSucceed();
        return login;
    }
}
