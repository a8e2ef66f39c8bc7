using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Navixy.Panel.Api.FunctionalTests.Support;
using Navixy.Panel.TestSupport;

namespace Navixy.Panel.Api.FunctionalTests.Reliability;

/// <summary>
/// The outbox's guarantee under faults: the service killed mid-delivery and restarted loses no notice and repeats at
/// most the one in flight; a mail server that is down gets the notice once it is back.
/// </summary>
[TestFixtureSource(typeof(TestProviders), nameof(TestProviders.All))]
public sealed class NotificationDeliveryTests(string provider)
{
    private const string TurnedOffSubject = "Two-factor authentication was turned off";
    private static readonly object Allowed = new { type = "allowed", factor_types = new[] { "email" } };
    private static readonly object Disallowed = new { type = "disallowed" };

    [Test]
    public async Task KilledMidDelivery_ThenRestarted_DeliversEveryNotice_RepeatingAtMostTheOneInFlight()
    {
        const int Masters = 300;
        const int PerSecond = 40;
        using var factory = new PanelApiFactory(provider);
        string[] configuration =
        [
            .. factory.ConfigurationArguments,
            $"--Bootstrap:AdminPassword={PanelApiFactory.AdminPassword}",
            $"--Notifications:MaxPerSecond={PerSecond}",
            // A restarted instance takes over the killed one's batch once its lease ran out.
            "--Notifications:LeaseSeconds=2",
        ];
        var api = await ApiProcess.StartAsync(configuration);
        try
        {
            using var client = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
            var hash = (await Post(client, "panel/account/auth", new { login = "admin", password = PanelApiFactory.AdminPassword })).GetProperty("hash").GetString();
            await using (var connection = DatabaseSnapshot.Connect(factory))
            {
                await connection.OpenAsync();
                await UserGenerator.GenerateAsync(connection, 1, Masters, new PasswordHasher<object>().HashPassword(new object(), "Bulk-Passw0rd"));
            }

            var logins = await DatabaseSnapshot.ScalarAsync(factory, "SELECT COUNT(*) FROM users WHERE dealer_id = 1");
            await Post(client, "panel/user/mfa/settings/default/update", new { settings = Allowed }, hash);
            var sending = Stopwatch.StartNew();
            await Post(client, "panel/user/mfa/settings/update", new { target = new { type = "all" }, settings = Disallowed }, hash);

            await WaitUntil(() => Notices(factory).Length >= logins / 3, "a third of the notices before the kill");
            api.Kill();
            var sentFor = sending.Elapsed;
            var beforeKill = Notices(factory).Length;
            // A rate low enough for any machine to reach, so the pace (not the machine) bounds it.
            Assert.That(sentFor.TotalSeconds, Is.GreaterThanOrEqualTo((beforeKill - 1) / (double)PerSecond), "faster than Notifications:MaxPerSecond");
            api.Dispose();
            Assert.That(beforeKill, Is.LessThan(logins), "killed mid-delivery");

            api = await ApiProcess.StartAsync(configuration);
            await WaitUntil(() => Notices(factory).Distinct().Count() == logins, "every login mailed after the restart");
            using var after = new HttpClient { BaseAddress = api.BaseAddress };
            await WaitUntil(async () => (await PendingBatches(after)) == 0, "the batch completed");

            var notices = Notices(factory);
            TestContext.Out.WriteLine($"{provider}: {beforeKill} notices before the kill, {notices.Length} in all for {logins} logins");
            Assert.That(notices.Length - logins, Is.InRange(0, 1), "a duplicate only for the message in flight");
        }
        finally
        {
            api.Dispose();
        }
    }

    [Test]
    public async Task SmtpDown_RetriesWithBackoff_AndDeliversOnceItIsBack()
    {
        var port = SmtpSink.FreePort();
        using var factory = new PanelApiFactory(provider)
        {
            Settings =
            {
                ["Email:Delivery"] = "Smtp",
                ["Email:Smtp:Host"] = "127.0.0.1",
                ["Email:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Email:Smtp:From"] = "no-reply@panel.test",
                ["Email:Smtp:TimeoutMilliseconds"] = "2000",
            },
        };
        using var client = factory.CreateClient();
        var hash = (await Post(client, "panel/account/auth", new { login = "admin", password = PanelApiFactory.AdminPassword })).GetProperty("hash").GetString();
        var login = $"down-{Guid.NewGuid():N}@example.com";
        var id = (await Post(client, "panel/user/create", new
        {
            user = new { login, first_name = "D", last_name = "U", legal_type = "individual", dealer_mfa_settings = Allowed },
            password = "User-Passw0rd",
            locale = "en_US",
            time_zone = "UTC",
        }, hash)).GetProperty("id").GetInt64();

        await Post(client, "panel/user/mfa/settings/update", new { target = new { type = "selected", ids = new[] { id } }, settings = Disallowed }, hash);
        await WaitUntil(() => factory.Log.Entries.Count(e => e.Contains("failed, retried in", StringComparison.Ordinal)) >= 2, "two failed attempts while SMTP is down");
        Assert.That(await PendingBatches(client), Is.EqualTo(1), "the batch waits for the server");

        using var sink = await SmtpSink.StartAsync(port);
        await WaitUntil(async () => await PendingBatches(client) == 0, "delivered once the server is back");

        var delivered = sink.Messages().Where(m => m.Contains("Subject: " + TurnedOffSubject, StringComparison.Ordinal)).ToArray();
        Assert.That(delivered, Has.Length.EqualTo(1));
        Assert.That(delivered[0], Does.Contain("To: " + login));
        Assert.That(factory.Log.Entries.First(e => e.Contains("delivery to user", StringComparison.Ordinal)), Does.Contain($"127.0.0.1:{port}"), "the log names why");
    }

    private static string[] Notices(PanelApiFactory factory) =>
        Mailbox.WithSubject(factory.MailDirectory, TurnedOffSubject).Select(m => m.To).ToArray();

    private static async Task<int> PendingBatches(HttpClient client)
    {
        using var health = await client.GetAsync("/health");
        return JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement.GetProperty("notifications").GetProperty("pending_batches").GetInt32();
    }

    private static Task WaitUntil(Func<bool> condition, string what) => WaitUntil(() => Task.FromResult(condition()), what);

    // A bound on liveness, not a speed target.
    private static async Task WaitUntil(Func<Task<bool>> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(120)), what);
            await Task.Delay(50);
        }
    }

    private static async Task<JsonElement> Post(HttpClient client, string action, object parameters, string? hash = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v2/" + action) { Content = JsonContent.Create(parameters) };
        if (hash is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "NVX " + hash);
        }

        using var response = await client.SendAsync(request);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        return body;
    }
}
