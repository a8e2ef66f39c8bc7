using System.Net;
using Navixy.Panel.Api.FunctionalTests.Support;
using Navixy.Panel.TestSupport;

namespace Navixy.Panel.Api.FunctionalTests.Features;

[TestFixtureSource(typeof(TestProviders), nameof(TestProviders.All))]
public sealed class UserMfaSettingsTests(string provider) : FunctionalTest(provider)
{
    private static readonly object Allowed = new { type = "allowed", factor_types = new[] { "email" } };
    private static readonly object Disallowed = new { type = "disallowed" };

    [Test]
    public async Task SeedCurlExamples_WorkVerbatim()
    {
        var (_, hash) = await NewDealer();

        (await PostRaw("panel/user/mfa/settings/update", """{ "target": { "type": "all" }, "settings": { "type": "disallowed" } }""", "application/json", hash)).ShouldSucceed();
        var read = (await PostRaw("panel/user/mfa/settings/default/read", string.Empty, "application/json", hash)).ShouldSucceed();
        Assert.That(read["value"].ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
        (await PostRaw("panel/user/mfa/settings/default/update", """{ "settings": { "type": "disallowed" } }""", "application/json", hash)).ShouldSucceed();
        read = (await PostRaw("panel/user/mfa/settings/default/read", string.Empty, "application/json", hash)).ShouldSucceed();
        Assert.That(read["value"].ToString(), Is.EqualTo("""{"type":"disallowed"}"""));
    }

    [TestCase(Transport.Json)]
    [TestCase(Transport.Form)]
    [TestCase(Transport.Query)]
    public async Task Update_Selected_InEveryTransport_ChangesOnlyThoseUsers(Transport transport)
    {
        var (_, hash) = await NewDealer();
        var a = await NewUser(hash);
        var b = await NewUser(hash);

        (await Call("panel/user/mfa/settings/update", new { target = new { type = "selected", ids = new[] { a.Id, a.Id } }, settings = Allowed }, hash, transport)).ShouldSucceed();

        Assert.That(await MfaAllowed(a.Id, hash), Is.True);
        Assert.That(await MfaAllowed(b.Id, hash), Is.False);
        var read = (await Call("panel/user/read", new { user_id = a.Id }, hash, transport)).ShouldSucceed();
        Assert.That(read["dealer_mfa_settings"].ToString(), Is.EqualTo("""{"type":"allowed","factor_types":["email"]}"""));
    }

    [Test]
    public async Task Update_All_TouchesEveryMasterOfDealerAndNoOtherDealer()
    {
        var (_, hash) = await NewDealer();
        var (_, otherHash) = await NewDealer();
        var mine = new[] { await NewUser(hash), await NewUser(hash) };
        var theirs = await NewUser(otherHash);

        (await Call("panel/user/mfa/settings/update", new { target = new { type = "all" }, settings = Allowed }, hash)).ShouldSucceed();

        foreach (var user in mine)
        {
            Assert.That(await MfaAllowed(user.Id, hash), Is.True);
        }

        Assert.That(await MfaAllowed(theirs.Id, otherHash), Is.False);
    }

    [Test]
    public async Task Update_WhenAnIdBelongsToAnotherDealer_Returns201AndChangesNothing()
    {
        var (_, hash) = await NewDealer();
        var (_, otherHash) = await NewDealer();
        var mine = await NewUser(hash);
        var theirs = await NewUser(otherHash);

        (await Call("panel/user/mfa/settings/update", new { target = new { type = "selected", ids = new[] { mine.Id, theirs.Id } }, settings = Allowed }, hash)).ShouldFail(201);

        Assert.That(await MfaAllowed(mine.Id, hash), Is.False);
        Assert.That(await MfaAllowed(theirs.Id, otherHash), Is.False);
    }

    [Test]
    public async Task Update_WhenAnIdDoesNotExist_Returns201()
    {
        var (_, hash) = await NewDealer();
        var mine = await NewUser(hash);

        (await Call("panel/user/mfa/settings/update", new { target = new { type = "selected", ids = new[] { mine.Id, 999_999_999 } }, settings = Allowed }, hash)).ShouldFail(201);
        Assert.That(await MfaAllowed(mine.Id, hash), Is.False);
    }

    [Test]
    public async Task Update_WhenAnIdIsASubUser_Returns201()
    {
        var (_, hash) = await NewDealer();
        var master = await NewUser(hash);
        var session = (await Call("user/auth", new { login = master.Login, password = "User-Passw0rd" })).ShouldSucceed().Hash;
        var subId = (await Call("subuser/register", new { user = new { login = Unique("sub") + "@example.com", first_name = "S", last_name = "U" }, password = "Sub-Passw0rd" }, session)).ShouldSucceed()["id"].GetInt64();

        (await Call("panel/user/mfa/settings/update", new { target = new { type = "selected", ids = new[] { subId } }, settings = Allowed }, hash)).ShouldFail(201);
    }

    [TestCase("""{"target":{"type":"everyone"},"settings":{"type":"disallowed"}}""", "target.type")]
    [TestCase("""{"target":{"type":"selected"},"settings":{"type":"disallowed"}}""", "target.ids")]
    [TestCase("""{"target":{"type":"selected","ids":[]},"settings":{"type":"disallowed"}}""", "target.ids")]
    [TestCase("""{"target":{"type":"selected","ids":[0]},"settings":{"type":"disallowed"}}""", "target.ids")]
    [TestCase("""{"target":{"type":"selected","ids":[1.5]},"settings":{"type":"disallowed"}}""", "target.ids")]
    [TestCase("""{"target":{"type":"selected","ids":["1"]},"settings":{"type":"disallowed"}}""", "target.ids")]
    [TestCase("""{"target":{"type":"selected","ids":[99999999999999999999]},"settings":{"type":"disallowed"}}""", "target.ids")]
    [TestCase("""{"target":{"type":"all"},"settings":{"type":"allowed"}}""", "settings.factor_types")]
    [TestCase("""{"target":{"type":"all"},"settings":{"type":"allowed","factor_types":[]}}""", "settings.factor_types")]
    [TestCase("""{"target":{"type":"all"},"settings":{"type":"allowed","factor_types":["sms"]}}""", "settings.factor_types")]
    [TestCase("""{"target":{"type":"all"},"settings":{"type":"enabled"}}""", "settings.type")]
    [TestCase("""{"target":{"type":"all"}}""", "settings")]
    [TestCase("""{"settings":{"type":"disallowed"}}""", "target")]
    [TestCase("""{"target":"all","settings":{"type":"disallowed"}}""", "target")]
    public async Task Update_WithInvalidParameters_Returns7NamingTheParameter(string body, string parameter)
    {
        var (_, hash) = await NewDealer();

        var response = (await PostRaw("panel/user/mfa/settings/update", body, "application/json", hash)).ShouldFail(7);

        Assert.That(response.ErrorParameters, Is.EqualTo(new[] { parameter }));
    }

    [Test]
    public async Task Update_WithHundredAndOneIds_Returns7()
    {
        var (_, hash) = await NewDealer();
        var ids = Enumerable.Range(1, 101).ToArray();

        var response = (await Call("panel/user/mfa/settings/update", new { target = new { type = "selected", ids }, settings = Disallowed }, hash)).ShouldFail(7);

        Assert.That(response.ErrorParameters, Is.EqualTo(new[] { "target.ids" }));
    }

    [Test]
    public async Task Update_InFormWithInvalidJsonText_Returns7NamingTheParameter()
    {
        var (_, hash) = await NewDealer();

        var response = (await PostRaw("panel/user/mfa/settings/update", "target=%7B%22type%22%3A&settings=%7B%22type%22%3A%22disallowed%22%7D", "application/x-www-form-urlencoded", hash)).ShouldFail(7);

        Assert.That(response.ErrorParameters, Is.EqualTo(new[] { "target" }));
    }

    [Test]
    public async Task Default_ReadAndUpdate_RoundTripAndApplyToUsersWithoutOwnSetting()
    {
        var (_, hash) = await NewDealer();
        var follower = await NewUser(hash);
        var own = await NewUser(hash, ownMfa: Disallowed);

        (await Call("panel/user/mfa/settings/default/update", new { settings = new { type = "allowed", factor_types = new[] { "email", "email" } } }, hash, Transport.Form)).ShouldSucceed();

        var read = (await Call("panel/user/mfa/settings/default/read", null, hash, Transport.Query)).ShouldSucceed();
        Assert.That(read["value"].ToString(), Is.EqualTo("""{"type":"allowed","factor_types":["email"]}"""));
        Assert.That(await MfaAllowed(follower.Id, hash), Is.True);
        Assert.That(await MfaAllowed(own.Id, hash), Is.False);
        var created = await NewUser(hash);
        Assert.That(await MfaAllowed(created.Id, hash), Is.True, "new users follow the default");
    }

    [Test]
    public async Task Default_IsPerDealer()
    {
        var (_, hash) = await NewDealer();
        var (_, otherHash) = await NewDealer();

        (await Call("panel/user/mfa/settings/default/update", new { settings = Allowed }, hash)).ShouldSucceed();

        var other = (await Call("panel/user/mfa/settings/default/read", null, otherHash)).ShouldSucceed();
        Assert.That(other["value"].ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
    }

    [Test]
    public async Task Default_UpdateWithoutSettings_Returns7()
    {
        var (_, hash) = await NewDealer();
        var response = (await Call("panel/user/mfa/settings/default/update", new { }, hash)).ShouldFail(7);
        Assert.That(response.ErrorParameters, Is.EqualTo(new[] { "settings" }));
    }

    [Test]
    public async Task Actions_WithoutPermission_Return13()
    {
        var (_, readOnly) = await NewDealer("users:read");
        var (_, updateOnly) = await NewDealer("users:update");

        (await Call("panel/user/mfa/settings/update", new { target = new { type = "all" }, settings = Disallowed }, readOnly)).ShouldFail(13, HttpStatusCode.Forbidden);
        (await Call("panel/user/mfa/settings/default/update", new { settings = Disallowed }, readOnly)).ShouldFail(13, HttpStatusCode.Forbidden);
        (await Call("panel/user/mfa/settings/default/read", null, updateOnly)).ShouldFail(13, HttpStatusCode.Forbidden);
        (await Call("panel/user/mfa/settings/default/read", null, readOnly)).ShouldSucceed();
    }

    [Test]
    public async Task Actions_WithoutHashOrWithUserHash_AreRefused()
    {
        var (_, hash) = await NewDealer();
        var user = await NewUser(hash);
        var userHash = (await Call("user/auth", new { login = user.Login, password = "User-Passw0rd" })).ShouldSucceed().Hash;

        (await Call("panel/user/mfa/settings/default/read")).ShouldFail(3);
        (await Call("panel/user/mfa/settings/default/read", null, userHash)).ShouldFail(4);
    }
}
