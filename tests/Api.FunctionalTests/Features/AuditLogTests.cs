using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Navixy.Panel.Api.FunctionalTests.Support;
using Navixy.Panel.Application.Housekeeping;
using Navixy.Panel.TestSupport;

namespace Navixy.Panel.Api.FunctionalTests.Features;

/// <summary>
/// The security log: each action writes its event with the change (and only with it), <c>panel/audit/list</c>'s
/// filters, paging and order, isolation between dealers, the permission, the client address and retention.
/// </summary>
[TestFixtureSource(typeof(TestProviders), nameof(TestProviders.All))]
public sealed class AuditLogTests(string provider) : FunctionalTest(provider)
{
    private const string Password = "User-Passw0rd";
    private const string Auditor = "users:read,users:update,users:create,audit:read";
    private static readonly object Allowed = new { type = "allowed", factor_types = new[] { "email" } };
    private static readonly object Disallowed = new { type = "disallowed" };

    // The change notices' own events (their batches are delivered in the background) are tested with the outbox.
    protected override PanelApiFactory CreateFactory(string provider) => new(provider) { Settings = { ["Notifications:MfaChanges"] = "Off" } };

    private async Task<JsonElement[]> Events(string hash, object? filter = null)
    {
        var reply = (await Call("panel/audit/list", filter, hash)).ShouldSucceed();
        var list = reply["list"].EnumerateArray().ToArray();
        Assert.That(reply["count"].GetInt32(), Is.GreaterThanOrEqualTo(list.Length));
        return list;
    }

    private static string[] Actions(IEnumerable<JsonElement> events) => events.Select(e => e.GetProperty("action").GetString()!).ToArray();

    private Task<long> AuditRows() => DatabaseSnapshot.ScalarAsync(Factory, "SELECT COUNT(*) FROM audit_events");

    [Test]
    public async Task EveryAction_WritesItsEvent_WithActorTargetAndSettings()
    {
        var (dealerId, panel) = await NewDealer(Auditor);
        var account = (await Events(panel)).Single().GetProperty("actor").GetProperty("login").GetString()!;
        (await Call("panel/account/auth", new { login = account, password = "Not-The-Passw0rd" })).ShouldFail(12);
        (await Call("panel/user/mfa/settings/default/update", new { settings = Allowed }, panel)).ShouldSucceed();
        var guarded = await NewUser(panel, ownMfa: Allowed);
        var plain = await NewUser(panel);
        (await Call("panel/user/mfa/settings/update", new { target = new { type = "selected", ids = new[] { plain.Id, plain.Id } }, settings = Disallowed }, panel)).ShouldSucceed();
        (await Call("panel/user/mfa/settings/update", new { target = new { type = "all" }, settings = Allowed }, panel)).ShouldSucceed();
        (await Upload($"login;first_name;last_name;legal_type;password\n{Unique("up")}@example.com;U;P;individual;{Password}\n{Unique("up")}@example.com;U;Q;individual;{Password}\n", panel)).ShouldSucceed();

        var secondFactor = (await Call("user/auth", new { login = guarded.Login, password = Password })).ShouldSucceed().Hash;
        var code = Mailbox.CodesFor(Factory.MailDirectory, guarded.Login).Single();
        (await Call("user/auth/code/verify", new { code = code == "000000" ? "000001" : "000000" }, secondFactor)).ShouldFail(282);
        var full = (await Call("user/auth/code/verify", new { code }, secondFactor)).ShouldSucceed().Hash;
        (await Call("subuser/register", new { user = new { login = Unique("sub") + "@example.com", first_name = "S", last_name = "U" }, password = Password }, full)).ShouldSucceed();

        var voiding = (await Call("user/auth", new { login = guarded.Login, password = Password })).ShouldSucceed().Hash;
        var live = Mailbox.CodesFor(Factory.MailDirectory, guarded.Login)[^1];
        for (var i = 0; i < 5; i++)
        {
            (await Call("user/auth/code/verify", new { code = live == "000000" ? "000001" : "000000" }, voiding)).ShouldFail(282);
        }

        var events = await Events(panel);

        Assert.That(Actions(events).Distinct(), Is.EquivalentTo(new[]
        {
            "panel.auth", "panel.auth.failed", "mfa.default.update", "user.create", "mfa.update", "user.upload",
            "user.auth.code_sent", "user.auth.code_wrong", "user.auth.code_verified", "subuser.register", "user.auth.code_voided",
        }));
        Assert.That(events.Select(e => e.GetProperty("id").GetInt64()), Is.Ordered.Descending, "newest first");
        var byAction = events.ToLookup(e => e.GetProperty("action").GetString());
        Assert.Multiple(() =>
        {
            var failed = byAction["panel.auth.failed"].Single();
            Assert.That(failed.GetProperty("actor").GetProperty("type").GetString(), Is.EqualTo("panel_account"));
            Assert.That(failed.GetProperty("actor").GetProperty("login").GetString(), Is.EqualTo(account));

            var defaultUpdate = byAction["mfa.default.update"].Single();
            Assert.That(defaultUpdate.GetProperty("target").GetProperty("type").GetString(), Is.EqualTo("default"));
            Assert.That(defaultUpdate.GetProperty("before").ValueKind, Is.EqualTo(JsonValueKind.Null), "the dealer had no default");
            Assert.That(defaultUpdate.GetProperty("after").GetProperty("type").GetString(), Is.EqualTo("allowed"));
            Assert.That(defaultUpdate.GetProperty("actor").GetProperty("login").GetString(), Is.EqualTo(account));

            var created = byAction["user.create"].Select(e => e.GetProperty("target").GetProperty("id").GetInt64());
            Assert.That(created, Is.EquivalentTo(new[] { guarded.Id, plain.Id }));

            var selected = byAction["mfa.update"].Single(e => e.GetProperty("target").GetProperty("type").GetString() == "selected");
            Assert.That(selected.GetProperty("target").GetProperty("ids").EnumerateArray().Select(i => i.GetInt64()), Is.EqualTo(new[] { plain.Id }), "a repeated id counts once");
            Assert.That(selected.GetProperty("affected").GetInt32(), Is.EqualTo(1));
            Assert.That(selected.GetProperty("after").GetProperty("type").GetString(), Is.EqualTo("disallowed"));

            var all = byAction["mfa.update"].Single(e => e.GetProperty("target").GetProperty("type").GetString() == "all");
            Assert.That(all.GetProperty("affected").GetInt32(), Is.EqualTo(2));

            Assert.That(byAction["user.upload"].Single().GetProperty("affected").GetInt32(), Is.EqualTo(2));

            var sent = byAction["user.auth.code_sent"].ToArray();
            Assert.That(sent, Has.Length.EqualTo(2));
            Assert.That(sent[0].GetProperty("actor").GetProperty("type").GetString(), Is.EqualTo("user"));
            Assert.That(sent[0].GetProperty("actor").GetProperty("id").GetInt64(), Is.EqualTo(guarded.Id));
            Assert.That(sent[0].GetProperty("actor").GetProperty("login").GetString(), Is.EqualTo(guarded.Login));
            Assert.That(byAction["user.auth.code_wrong"].Count(), Is.EqualTo(6));
            Assert.That(byAction["user.auth.code_voided"].Count(), Is.EqualTo(1), "the fifth miss voids the code");
            Assert.That(byAction["subuser.register"].Single().GetProperty("actor").GetProperty("id").GetInt64(), Is.EqualTo(guarded.Id));
        });
        Assert.That(dealerId, Is.Positive);
    }

    [Test]
    public async Task UpdateOfAllUsers_IsOneEvent_WithTheNumberChanged_AndOneSideRow()
    {
        var (_, panel) = await NewDealer(Auditor);
        for (var i = 0; i < 4; i++)
        {
            await NewUser(panel);
        }

        var rowsBefore = await DatabaseSnapshot.ScalarAsync(Factory, "SELECT COUNT(*) FROM audit_event_users");
        (await Call("panel/user/mfa/settings/update", new { target = new { type = "all" }, settings = Allowed }, panel)).ShouldSucceed();

        var events = await Events(panel, new { actions = new[] { "mfa.update" } });
        Assert.That(events, Has.Length.EqualTo(1));
        Assert.That(events[0].GetProperty("affected").GetInt32(), Is.EqualTo(4));
        Assert.That(await DatabaseSnapshot.ScalarAsync(Factory, "SELECT COUNT(*) FROM audit_event_users"), Is.EqualTo(rowsBefore + 1), "never a row per user");
    }

    [Test]
    public async Task FailingChange_WritesNoEvent()
    {
        var (_, panel) = await NewDealer(Auditor);
        var (_, other) = await NewDealer();
        var mine = await NewUser(panel);
        var theirs = await NewUser(other);
        var before = await AuditRows();

        (await Call("panel/user/mfa/settings/update", new { target = new { type = "selected", ids = new[] { mine.Id, theirs.Id } }, settings = Allowed }, panel)).ShouldFail(201);
        (await Call("panel/user/create", new { user = new { login = mine.Login, first_name = "A", last_name = "B", legal_type = "individual" }, password = Password, locale = "en_US", time_zone = "UTC" }, panel)).ShouldFail(206);
        (await Upload($"login;first_name;last_name;legal_type;password\n{Unique("up")}@example.com;U;P;individual;{Password}\n{mine.Login};U;Q;individual;{Password}\n", panel)).ShouldFail(206);
        (await Call("panel/user/mfa/settings/default/update", new { settings = new { type = "allowed", factor_types = Array.Empty<string>() } }, panel)).ShouldFail(7);

        Assert.That(await AuditRows(), Is.EqualTo(before));
        Assert.That(await MfaAllowed(mine.Id, panel), Is.False, "and the change itself was not made");
    }

    [Test]
    public async Task UserId_SelectsItsSignIns_TargetsNamingIt_AndItsDealersAllAndDefaultEvents()
    {
        var (_, panel) = await NewDealer(Auditor);
        var (_, other) = await NewDealer(Auditor);
        var jane = await NewUser(panel);
        var john = await NewUser(panel);
        var stranger = await NewUser(other);
        (await Call("panel/user/mfa/settings/update", new { target = new { type = "selected", ids = new[] { john.Id } }, settings = Allowed }, panel)).ShouldSucceed();
        (await Call("panel/user/mfa/settings/update", new { target = new { type = "selected", ids = new[] { jane.Id, john.Id } }, settings = Allowed }, panel)).ShouldSucceed();
        (await Call("panel/user/mfa/settings/update", new { target = new { type = "all" }, settings = Disallowed }, panel)).ShouldSucceed();
        (await Call("panel/user/mfa/settings/default/update", new { settings = Allowed }, panel)).ShouldSucceed();
        (await Call("panel/user/mfa/settings/update", new { target = new { type = "all" }, settings = Disallowed }, other)).ShouldSucceed();
        (await Call("panel/user/mfa/settings/update", new { target = new { type = "selected", ids = new[] { jane.Id } }, settings = Allowed }, panel)).ShouldSucceed();
        (await Call("user/auth", new { login = jane.Login, password = Password })).ShouldSucceed();

        var janes = await Events(panel, new { user_id = jane.Id });

        Assert.That(janes.Select(e => (e.GetProperty("action").GetString(), e.GetProperty("target").GetProperty("type").GetString())), Is.EqualTo(new[]
        {
            ("user.auth.code_sent", "user"), ("mfa.update", "selected"), ("mfa.default.update", "default"), ("mfa.update", "all"), ("mfa.update", "selected"), ("user.create", "user"),
        }), "newest first; john's own selection and the other dealer's update are not hers");
        Assert.That(await Events(other, new { user_id = jane.Id }), Is.Empty, "another dealer sees nothing of her");
        Assert.That(Actions(await Events(other, new { user_id = stranger.Id })), Is.EqualTo(new[] { "mfa.update", "user.create" }));
    }

    [Test]
    public async Task Actions_FromTo_Offset_Limit_Filter_AndCountIsTheTotalBeforePaging()
    {
        var (_, panel) = await NewDealer(Auditor);
        var start = Factory.Clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < 5; i++)
        {
            Factory.Clock.Advance(TimeSpan.FromMinutes(10));
            (await Call("panel/user/mfa/settings/default/update", new { settings = i % 2 == 0 ? Allowed : Disallowed }, panel)).ShouldSucceed();
        }

        string At(int minutes) => start.AddMinutes(minutes).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var defaults = new[] { "mfa.default.update" };

        var page = (await Call("panel/audit/list", new { actions = defaults, offset = 1, limit = 2 }, panel)).ShouldSucceed();
        Assert.That(page["count"].GetInt32(), Is.EqualTo(5));
        var listed = page["list"].EnumerateArray().ToArray();
        Assert.That(listed, Has.Length.EqualTo(2));
        Assert.That(listed.Select(e => e.GetProperty("after").GetProperty("type").GetString()), Is.EqualTo(new[] { "disallowed", "allowed" }), "the 4th and 3rd, newest first");
        Assert.That(listed[0].GetProperty("before").GetProperty("type").GetString(), Is.EqualTo("allowed"));

        var times = (await Events(panel, new { actions = defaults })).Select(e => e.GetProperty("time").GetString()!).ToArray();
        Assert.That(string.CompareOrdinal(times[4], At(10)), Is.GreaterThanOrEqualTo(0), "the oldest is the first update");
        var window = (await Call("panel/audit/list", new { actions = defaults, from = times[3], to = times[1] }, panel)).ShouldSucceed();
        Assert.That(window["count"].GetInt32(), Is.EqualTo(3), "from and to are inclusive, to the second");
        Assert.That(window["list"][0].GetProperty("time").GetString(), Is.EqualTo(times[1]));
        Assert.That((await Call("panel/audit/list", new { actions = defaults, to = At(0) }, panel)).ShouldSucceed()["count"].GetInt32(), Is.Zero);

        var form = (await Call("panel/audit/list", new { actions = "[\"panel.auth\"]", limit = "1000" }, panel, Transport.Form)).ShouldSucceed();
        Assert.That(Actions(form["list"].EnumerateArray()), Is.EqualTo(new[] { "panel.auth" }), "arrays as JSON text in a form");
    }

    [TestCase("limit", "0")]
    [TestCase("limit", "1001")]
    [TestCase("offset", "-1")]
    [TestCase("user_id", "0")]
    [TestCase("from", "\"2026-13-01 00:00:00\"")]
    [TestCase("to", "\"yesterday\"")]
    [TestCase("actions", "[\"mfa.delete\"]")]
    [TestCase("actions", "\"mfa.update\"")]
    [TestCase("user_id", "\"one\"")]
    public async Task BadParameter_Gets7NamingIt_AndChangesNothing(string parameter, string json)
    {
        var (_, panel) = await NewDealer(Auditor);
        var before = await DatabaseSnapshot.ChecksumAsync(Factory);

        var reply = await PostRaw("panel/audit/list", $"{{\"{parameter}\":{json}}}", "application/json", panel);

        reply.ShouldFail(7);
        Assert.That(reply.ErrorParameters, Has.Some.StartsWith(parameter));
        Assert.That(await DatabaseSnapshot.ChecksumAsync(Factory), Is.EqualTo(before));
    }

    [Test]
    public async Task TheCalendarsFirstAndLastSeconds_BoundNothing()
    {
        var (_, panel) = await NewDealer(Auditor);
        (await Call("panel/user/mfa/settings/default/update", new { settings = Allowed }, panel)).ShouldSucceed();

        var all = (await Call("panel/audit/list", new { from = "0001-01-01 00:00:00", to = "9999-12-31 23:59:59" }, panel)).ShouldSucceed();

        Assert.That(Actions(all["list"].EnumerateArray()), Does.Contain("mfa.default.update"));
    }

    [Test]
    public async Task FromAfterTo_Gets7()
    {
        var (_, panel) = await NewDealer(Auditor);

        var reply = (await Call("panel/audit/list", new { from = "2026-12-02 00:00:00", to = "2026-12-01 00:00:00" }, panel)).ShouldFail(7);

        Assert.That(reply.ErrorParameters, Is.EqualTo(new[] { "to" }));
    }

    [Test]
    public async Task WithoutAuditRead_Gets13_AndTheBootstrapAdminHasIt()
    {
        var (_, panel) = await NewDealer();

        (await Call("panel/audit/list", null, panel)).ShouldFail(13, HttpStatusCode.Forbidden);
        // A fresh session: the retention test moves the fixture's clock past the 24 hours of AdminHash.
        var admin = (await Call("panel/account/auth", new { login = "admin", password = PanelApiFactory.AdminPassword })).ShouldSucceed();
        Assert.That(admin["permissions"].GetProperty("audit").EnumerateArray().Select(a => a.GetString()), Is.EqualTo(new[] { "read" }));
        (await Call("panel/audit/list", null, admin.Hash)).ShouldSucceed();
    }

    [Test]
    public async Task ClientAddress_IsTheConnections_OrTheForwardedOne_OnlyFromATrustedProxy()
    {
        using var proxied = new PanelApiFactory(Factory.Provider, sharing: Factory);
        proxied.Settings["ForwardedHeaders:KnownProxies"] = "10.0.0.1";
        using var host = proxied.WithTestAddresses();
        using var client = host.CreateClient();
        var (_, panel) = await NewDealer(Auditor);

        async Task UpdateFrom(string address, string? forwardedFor)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v2/panel/user/mfa/settings/default/update")
            {
                Content = new StringContent("""{"settings":{"type":"disallowed"}}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.Add(TestAddresses.Header, address);
            request.Headers.TryAddWithoutValidation("Authorization", "NVX " + panel);
            if (forwardedFor is not null)
            {
                request.Headers.Add("X-Forwarded-For", forwardedFor);
            }

            (await Send(request, client)).ShouldSucceed();
        }

        await UpdateFrom("192.0.2.7", null);
        await UpdateFrom("192.0.2.8", "198.51.100.1");
        await UpdateFrom("10.0.0.1", "198.51.100.2");

        var ips = (await Events(panel, new { actions = new[] { "mfa.default.update" } })).Select(e => e.GetProperty("ip").GetString());
        Assert.That(ips, Is.EqualTo(new[] { "198.51.100.2", "192.0.2.8", "192.0.2.7" }), "an untrusted sender's header is ignored");
    }

    [Test]
    public async Task Retention_RemovesEventsOlderThanTheSetting_ByHousekeeping()
    {
        var (_, panel) = await NewDealer(Auditor);
        (await Call("panel/user/mfa/settings/default/update", new { settings = Allowed }, panel)).ShouldSucceed();
        Factory.Clock.Advance(TimeSpan.FromDays(400) + TimeSpan.FromSeconds(1));
        var (_, fresh) = await NewDealer(Auditor);

        var removed = await Factory.Services.GetRequiredService<Housekeeper>().RunAsync(CancellationToken.None);

        Assert.That(removed["audit_events"], Is.GreaterThanOrEqualTo(2), "the old sign-in and default update");
        Assert.That(await Events(fresh), Has.Length.EqualTo(1), "the new dealer's sign-in stays");
        Assert.That(await DatabaseSnapshot.ScalarAsync(Factory, "SELECT COUNT(*) FROM audit_event_users WHERE event_id NOT IN (SELECT id FROM audit_events)"), Is.Zero);
    }
}
