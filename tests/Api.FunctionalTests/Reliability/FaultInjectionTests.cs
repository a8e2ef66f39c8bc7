using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Navixy.Panel.Api.FunctionalTests.Support;

namespace Navixy.Panel.Api.FunctionalTests.Reliability;

/// <summary>Faults injected into a running service: the database stops, the process is killed, SMTP is unreachable.</summary>
public sealed class FaultInjectionTests
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> Post(HttpClient client, string action, object? parameters = null, string? hash = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v2/" + action) { Content = JsonContent.Create(parameters ?? new { }) };
        if (hash is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "NVX " + hash);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.Not.EqualTo(HttpStatusCode.InternalServerError), text);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private static int Code(JsonElement body) => body.GetProperty("status").GetProperty("code").GetInt32();

    [Test]
    public async Task PostgresStopped_Gives14Quickly_AndServiceResumesWithoutRestart()
    {
        using var cluster = PostgresCluster.Create();
        using var factory = new PanelApiFactory("Postgres", postgresServer: cluster.ConnectionString);
        using var client = factory.CreateClient();
        var hash = (await Post(client, "panel/account/auth", new { login = "admin", password = PanelApiFactory.AdminPassword })).Body.GetProperty("hash").GetString();
        Assert.That((await Post(client, "panel/user/mfa/settings/default/read", hash: hash)).Status, Is.EqualTo(HttpStatusCode.OK));

        cluster.Stop();
        var watch = Stopwatch.StartNew();
        // The read cache may hold that default/read; it stops serving as soon as the instance stops hearing changes.
        while (!factory.Log.Entries.Any(e => e.Contains("Dealer change notifications are unavailable", StringComparison.Ordinal)))
        {
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), factory.Log.Text);
            await Task.Delay(20);
        }

        foreach (var (action, parameters, credential) in new (string, object?, string?)[]
        {
            ("panel/user/mfa/settings/default/read", null, hash),
            ("panel/user/list", null, hash),
            ("panel/account/auth", new { login = "admin", password = PanelApiFactory.AdminPassword }, null),
            ("user/auth", new { login = "someone@example.com", password = "Whatever-1" }, null),
        })
        {
            var (status, body) = await Post(client, action, parameters, credential);
            Assert.That(status, Is.EqualTo(HttpStatusCode.ServiceUnavailable), body.ToString());
            Assert.That(Code(body), Is.EqualTo(14));
        }

        var downFor = watch.Elapsed;
        using (var health = await client.GetAsync("/health"))
        {
            Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(await health.Content.ReadAsStringAsync(), Does.Contain("\"read_cache\":\"paused\""));
        }

        TestContext.Out.WriteLine($"four requests answered 14 in {downFor.TotalMilliseconds:F0} ms while PostgreSQL was down");
        Assert.That(downFor, Is.LessThan(TimeSpan.FromSeconds(20)), "requests must fail fast, not hang");

        cluster.Start();
        var resumed = Stopwatch.StartNew();
        var answers = new List<int>();
        while (resumed.Elapsed < TimeSpan.FromSeconds(30))
        {
            var (status, body) = await Post(client, "panel/user/mfa/settings/default/read", hash: hash);
            if (status == HttpStatusCode.OK)
            {
                break;
            }

            answers.Add(Code(body));
            await Task.Delay(250);
        }

        Assert.That(answers, Is.All.EqualTo(14), "only 14 while the server comes back");
        Assert.That((await Post(client, "panel/user/mfa/settings/default/read", hash: hash)).Status, Is.EqualTo(HttpStatusCode.OK), "the same session works again");
        using var healthy = await client.GetAsync("/health");
        Assert.That(healthy.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        TestContext.Out.WriteLine($"service resumed {resumed.Elapsed.TotalMilliseconds:F0} ms after PostgreSQL started, after {answers.Count} more 14s");
    }

    [TestCase("Sqlite")]
    [TestCase("Postgres")]
    public async Task ProcessKilledDuringUpdateOfAllUsers_LeavesAllOrNoneChanged(string provider)
    {
        const int Masters = 200_000;
        using var factory = new PanelApiFactory(provider);
        string[] configuration = [.. factory.ConfigurationArguments, $"--Bootstrap:AdminPassword={PanelApiFactory.AdminPassword}"];
        var api = await ApiProcess.StartAsync(configuration);
        try
        {
            using var client = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
            var hash = (await Post(client, "panel/account/auth", new { login = "admin", password = PanelApiFactory.AdminPassword })).Body.GetProperty("hash").GetString();
            await using (var connection = DatabaseSnapshot.Connect(factory))
            {
                await connection.OpenAsync();
                await UserGenerator.GenerateAsync(connection, 1, Masters, new PasswordHasher<object>().HashPassword(new object(), "Bulk-Passw0rd"));
            }

            object Setting(bool allowed) => allowed ? new { type = "allowed", factor_types = new[] { "email" } } : new { type = "disallowed" };
            async Task<TimeSpan> TimedUpdate(bool allowed)
            {
                var watch = Stopwatch.StartNew();
                var reply = await Post(client, "panel/user/mfa/settings/update", new { target = new { type = "all" }, settings = Setting(allowed) }, hash);
                Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Body.ToString());
                return watch.Elapsed;
            }

            await TimedUpdate(allowed: false);
            var full = new[] { await TimedUpdate(allowed: true), await TimedUpdate(allowed: false) }.Min();
            var current = false;
            // Each committed update of all is one event, written in its transaction: a kill leaves both or neither.
            const string UpdatesOfAll = "SELECT COUNT(*) FROM audit_events WHERE dealer_id = 1 AND action = 'mfa.update' AND target_type = 1";
            const string LastAfter = "SELECT after_mfa_allowed FROM audit_events WHERE dealer_id = 1 AND action = 'mfa.update' ORDER BY id DESC LIMIT 1";
            var events = await DatabaseSnapshot.ScalarAsync(factory, UpdatesOfAll);
            Assert.That(events, Is.EqualTo(3), "one event for each update of all so far");
            foreach (var fraction in new[] { 0.2, 0.5 })
            {
                using var killed = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
                var update = Post(killed, "panel/user/mfa/settings/update", new { target = new { type = "all" }, settings = Setting(!current) }, hash);
                await Task.Delay(full * fraction);
                api.Kill();
                Assert.That(async () => await update, Throws.InstanceOf<HttpRequestException>().Or.InstanceOf<TaskCanceledException>(), "the update must not have answered before the kill");
                api.Dispose();

                api = await ApiProcess.StartAsync(configuration);
                var allowed = await DatabaseSnapshot.ScalarAsync(factory, "SELECT COUNT(*) FROM users WHERE dealer_id = 1 AND master_id IS NULL AND mfa_allowed = TRUE");
                var disallowed = await DatabaseSnapshot.ScalarAsync(factory, "SELECT COUNT(*) FROM users WHERE dealer_id = 1 AND master_id IS NULL AND mfa_allowed = FALSE");
                TestContext.Out.WriteLine($"{provider}: killed {(full * fraction).TotalMilliseconds:F0} ms into an update of {Masters} users taking {full.TotalMilliseconds:F0} ms; after restart {allowed} allowed, {disallowed} disallowed");

                Assert.That(allowed + disallowed, Is.EqualTo(Masters));
                Assert.That(allowed is 0 or Masters, Is.True, $"{allowed} of {Masters} users changed: a partial update survived the kill");
                var committed = (allowed == Masters) != current;
                events += committed ? 1 : 0;
                Assert.That(await DatabaseSnapshot.ScalarAsync(factory, UpdatesOfAll), Is.EqualTo(events), committed ? "the update survived without its event" : "an event survived without its update");
                Assert.That(await DatabaseSnapshot.ScalarAsync(factory, LastAfter), Is.EqualTo(allowed == Masters ? 1 : 0), "the last event says what the users hold");
                current = allowed == Masters;
            }

            using var restarted = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
            var again = await Post(restarted, "panel/user/mfa/settings/update", new { target = new { type = "all" }, settings = Setting(!current) }, hash);
            Assert.That(again.Status, Is.EqualTo(HttpStatusCode.OK), "the panel session survives the restarts and the update completes");
            Assert.That(await DatabaseSnapshot.ScalarAsync(factory, "SELECT COUNT(*) FROM users WHERE dealer_id = 1 AND master_id IS NULL AND mfa_allowed = " + (current ? "FALSE" : "TRUE")), Is.EqualTo(Masters));
        }
        finally
        {
            api.Dispose();
        }
    }

    [TestCase("Sqlite")]
    [TestCase("Postgres")]
    public async Task SmtpUnreachableDuringLogin_Gives209_AndLeavesNoUsableCode(string provider)
    {
        var closedPort = Ports.Free();
        using var factory = new PanelApiFactory(provider);
        factory.Settings["Email:Delivery"] = "Smtp";
        factory.Settings["Email:Smtp:Host"] = "127.0.0.1";
        factory.Settings["Email:Smtp:Port"] = closedPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        factory.Settings["Email:Smtp:From"] = "no-reply@panel.test";
        using var client = factory.CreateClient();
        client.BaseAddress = new Uri(client.BaseAddress!, "/");
        var panel = (await Post(client, "panel/account/auth", new { login = "admin", password = PanelApiFactory.AdminPassword })).Body.GetProperty("hash").GetString();
        var login = $"smtp{Guid.NewGuid():N}@example.com";
        var created = await Post(client, "panel/user/create", new
        {
            user = new { login, first_name = "S", last_name = "M", legal_type = "individual", dealer_mfa_settings = new { type = "allowed", factor_types = new[] { "email" } } },
            password = "User-Passw0rd",
            locale = "en_US",
            time_zone = "UTC",
        }, panel);
        Assert.That(created.Status, Is.EqualTo(HttpStatusCode.OK), created.Body.ToString());

        for (var attempt = 0; attempt < 3; attempt++)
        {
            var (status, body) = await Post(client, "user/auth", new { login, password = "User-Passw0rd" });
            Assert.That(Code(body), Is.EqualTo(209), body.ToString());
            Assert.That(status, Is.LessThan(HttpStatusCode.InternalServerError));
            Assert.That(body.TryGetProperty("hash", out _), Is.False, "no second-factor hash without a sent code");
        }

        Assert.That(await DatabaseSnapshot.ScalarAsync(factory, "SELECT COUNT(*) FROM user_sessions WHERE code_digest IS NOT NULL"), Is.Zero, "a code that was never sent is stored usable");
        Assert.That(await DatabaseSnapshot.ScalarAsync(factory, "SELECT COUNT(*) FROM login_failures"), Is.Zero, "a mail fault is not the user's failed login");
        var notSent = factory.Log.Entries.Where(e => e.Contains("not sent", StringComparison.Ordinal)).ToList();
        Assert.That(notSent, Has.Count.EqualTo(3));
        Assert.That(notSent, Is.All.Contain($"127.0.0.1:{closedPort}").And.All.Contain("SocketException"), "the log says why");
        Assert.That(factory.Log.Text, Does.Not.Contain("login code is"), "the message body (and its code) is never logged");
    }
}
