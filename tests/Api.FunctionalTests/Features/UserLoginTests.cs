using System.Net;
using Navixy.Panel.Api.FunctionalTests.Support;
using Navixy.Panel.TestSupport;

namespace Navixy.Panel.Api.FunctionalTests.Features;

[TestFixtureSource(typeof(TestProviders), nameof(TestProviders.All))]
public sealed class UserLoginTests(string provider) : FunctionalTest(provider)
{
    private const string Password = "User-Passw0rd";
    private static readonly object Allowed = new { type = "allowed", factor_types = new[] { "email" } };

    /// <summary>The newest code mailed to the login.</summary>
    private string LatestCodeFor(string login)
    {
        var codes = Mailbox.CodesFor(Factory.MailDirectory, login);
        Assert.That(codes, Is.Not.Empty, $"no mail for {login}");
        return codes[^1];
    }

    private int MailCount(string login) => Mailbox.CodesFor(Factory.MailDirectory, login).Length;

    [Test]
    public async Task Auth_WhenMfaDoesNotApply_ReturnsWorkingSession()
    {
        var (_, panel) = await NewDealer();
        var user = await NewUser(panel);

        var auth = (await Call("user/auth", new { login = user.Login, password = Password }, transport: Transport.Form)).ShouldSucceed();

        Assert.That(auth["type"].GetString(), Is.EqualTo("authenticated"));
        Assert.That(auth.Hash, Does.Match("^[0-9a-f]{32}$"));
        var info = (await Call("user/get_info", null, auth.Hash)).ShouldSucceed()["user"];
        Assert.That(info.GetProperty("login").GetString(), Is.EqualTo(user.Login));
        Assert.That(info.GetProperty("master_id").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
    }

    [Test]
    public async Task FullFlow_WithMfa_CodeFromMailbox_GivesNewSessionAndKillsSecondFactorHash()
    {
        var (_, panel) = await NewDealer();
        var user = await NewUser(panel, ownMfa: Allowed);

        var auth = (await Call("user/auth", new { login = user.Login, password = Password })).ShouldSucceed();
        Assert.That(auth["type"].GetString(), Is.EqualTo("second_factor_required"));
        Assert.That(auth["factor_type"].GetString(), Is.EqualTo("email"));
        var secondFactor = auth.Hash;

        (await Call("user/get_info", null, secondFactor)).ShouldFail(276, HttpStatusCode.Forbidden);
        (await Call("subuser/register", new { }, secondFactor)).ShouldFail(276, HttpStatusCode.Forbidden);
        Assert.That((await Call("user/auth/code/verify", new { code = "not-it" }, secondFactor)).ShouldFail(7).ErrorParameters, Is.EqualTo(new[] { "code" }));
        (await Call("user/auth/code/verify", new { code = LatestCodeFor(user.Login) == "000000" ? "000001" : "000000" }, secondFactor)).ShouldFail(282);

        var full = (await Call("user/auth/code/verify", new { code = LatestCodeFor(user.Login) }, secondFactor)).ShouldSucceed().Hash;

        Assert.That(full, Is.Not.EqualTo(secondFactor));
        (await Call("user/get_info", null, full)).ShouldSucceed();
        (await Call("user/auth/code/verify", new { code = LatestCodeFor(user.Login) }, secondFactor)).ShouldFail(4);
        (await Call("user/auth/code/verify", new { code = "123456" }, full)).ShouldFail(276, HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Auth_WhenDealerDefaultAllows_AsksForCode_AndDemoUserIsExempt()
    {
        var (_, panel) = await NewDealer();
        var regular = await NewUser(panel);
        var demo = await NewUser(panel, demo: true);
        (await Call("panel/user/mfa/settings/default/update", new { settings = Allowed }, panel)).ShouldSucceed();

        Assert.That((await Call("user/auth", new { login = regular.Login, password = Password })).ShouldSucceed()["type"].GetString(), Is.EqualTo("second_factor_required"));
        Assert.That((await Call("user/auth", new { login = demo.Login, password = Password })).ShouldSucceed()["type"].GetString(), Is.EqualTo("authenticated"));
        Assert.That(MailCount(demo.Login), Is.Zero);
    }

    [Test]
    public async Task SubUser_FollowsItsAccountSetting()
    {
        var (_, panel) = await NewDealer();
        var master = await NewUser(panel);
        var session = (await Call("user/auth", new { login = master.Login, password = Password })).ShouldSucceed().Hash;
        var subLogin = Unique("sub") + "@example.com";
        var subId = (await Call("subuser/register", new { user = new { login = subLogin, first_name = "Sam", last_name = "Sub" }, password = "Sub-Passw0rd" }, session)).ShouldSucceed()["id"].GetInt64();

        var subAuth = (await Call("user/auth", new { login = subLogin, password = "Sub-Passw0rd" })).ShouldSucceed();
        Assert.That(subAuth["type"].GetString(), Is.EqualTo("authenticated"));
        var info = (await Call("user/get_info", null, subAuth.Hash)).ShouldSucceed()["user"];
        Assert.That(info.GetProperty("master_id").GetInt64(), Is.EqualTo(master.Id));
        Assert.That(info.GetProperty("id").GetInt64(), Is.EqualTo(subId));
        (await Call("subuser/register", new { user = new { login = Unique("sub2") + "@example.com", first_name = "A", last_name = "B" }, password = "Sub-Passw0rd" }, subAuth.Hash)).ShouldFail(13, HttpStatusCode.Forbidden);
        (await Call("subuser/register", new { }, subAuth.Hash)).ShouldFail(13, HttpStatusCode.Forbidden); // the session before the parameters

        (await Call("panel/user/mfa/settings/update", new { target = new { type = "selected", ids = new[] { master.Id } }, settings = Allowed }, panel)).ShouldSucceed();

        Assert.That((await Call("user/auth", new { login = subLogin, password = "Sub-Passw0rd" })).ShouldSucceed()["type"].GetString(), Is.EqualTo("second_factor_required"));
    }

    [Test]
    public async Task SubUserRegister_WithTakenLoginOrBadParameters_IsRefused()
    {
        var (_, panel) = await NewDealer();
        var master = await NewUser(panel);
        var session = (await Call("user/auth", new { login = master.Login, password = Password })).ShouldSucceed().Hash;

        (await Call("subuser/register", new { user = new { login = master.Login, first_name = "A", last_name = "B" }, password = "Sub-Passw0rd" }, session)).ShouldFail(206);
        var invalid = (await Call("subuser/register", new { user = new { login = "nope" }, password = "x" }, session)).ShouldFail(7);
        Assert.That(invalid.ErrorParameters, Is.EqualTo(new[] { "password", "user.first_name", "user.last_name", "user.login" }));
    }

    [Test]
    public async Task Resend_TooSoon_Returns15With429()
    {
        var (_, panel) = await NewDealer();
        var user = await NewUser(panel, ownMfa: Allowed);
        var secondFactor = (await Call("user/auth", new { login = user.Login, password = Password })).ShouldSucceed().Hash;

        var tooSoon = (await Call("user/auth/code/resend", null, secondFactor)).ShouldFail(15, HttpStatusCode.TooManyRequests);
        Assert.That(MailCount(user.Login), Is.EqualTo(1));
        Assert.That(tooSoon.RetryAfter, Is.InRange(TimeSpan.FromSeconds(59), TimeSpan.FromSeconds(60)), "the rest of the minute since the code went out");

        Factory.Clock.Advance(TimeSpan.FromSeconds(45));
        var later = (await Call("user/auth/code/resend", null, secondFactor)).ShouldFail(15, HttpStatusCode.TooManyRequests);
        Assert.That(later.RetryAfter, Is.InRange(TimeSpan.FromSeconds(14), TimeSpan.FromSeconds(15)));
    }

    [Test]
    public async Task Verify_FiveWrongCodes_VoidTheCode()
    {
        var (_, panel) = await NewDealer();
        var user = await NewUser(panel, ownMfa: Allowed);
        var secondFactor = (await Call("user/auth", new { login = user.Login, password = Password })).ShouldSucceed().Hash;
        var code = LatestCodeFor(user.Login);
        var wrong = code == "000000" ? "111111" : "000000";

        for (var i = 0; i < 5; i++)
        {
            (await Call("user/auth/code/verify", new { code = wrong }, secondFactor)).ShouldFail(282);
        }

        (await Call("user/auth/code/verify", new { code }, secondFactor)).ShouldFail(282);
    }

    [Test]
    public async Task Verify_TenWrongCodesOverTwoSessions_Give105_OnVerifyAndAuth_UntilTheWindowPasses()
    {
        var (_, panel) = await NewDealer();
        var user = await NewUser(panel, ownMfa: Allowed);
        var first = (await Call("user/auth", new { login = user.Login, password = Password })).ShouldSucceed().Hash;
        var second = (await Call("user/auth", new { login = user.Login, password = Password })).ShouldSucceed().Hash;
        var third = (await Call("user/auth", new { login = user.Login, password = Password })).ShouldSucceed().Hash;
        var thirdCode = LatestCodeFor(user.Login);
        var wrong = Mailbox.CodesFor(Factory.MailDirectory, user.Login).Contains("000000") ? "999999" : "000000";

        // Five misses void each session's code; the ten count against the account.
        foreach (var session in new[] { first, second })
        {
            for (var i = 0; i < 5; i++)
            {
                (await Call("user/auth/code/verify", new { code = wrong }, session)).ShouldFail(282);
            }
        }

        (await Call("user/auth/code/verify", new { code = thirdCode }, third)).ShouldFail(105);
        (await Call("user/auth", new { login = user.Login, password = Password })).ShouldFail(105);
        Assert.That(MailCount(user.Login), Is.EqualTo(3), "a locked account gets no new mail");

        Factory.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        var fresh = (await Call("user/auth", new { login = user.Login, password = Password })).ShouldSucceed().Hash;
        (await Call("user/auth/code/verify", new { code = LatestCodeFor(user.Login) }, fresh)).ShouldSucceed();
    }

    [Test]
    public async Task Auth_SixthCodeMailIn15Minutes_Gives15WithRetryAfter_AndOpensNoSession()
    {
        var (_, panel) = await NewDealer();
        var user = await NewUser(panel, ownMfa: Allowed);
        var sessions = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            sessions.Add((await Call("user/auth", new { login = user.Login, password = Password })).ShouldSucceed().Hash);
            Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var capped = (await Call("user/auth", new { login = user.Login, password = Password })).ShouldFail(15, HttpStatusCode.TooManyRequests);
        // The first mail leaves the 15 minutes 10 minutes after the clock's last move, less the seconds the logins took.
        Assert.That(capped.RetryAfter, Is.InRange(TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10)));
        (await Call("user/auth/code/resend", null, sessions[0])).ShouldFail(15, HttpStatusCode.TooManyRequests);
        Assert.That(MailCount(user.Login), Is.EqualTo(5));
        Assert.That(await DatabaseSnapshot.ScalarAsync(Factory, $"SELECT COUNT(*) FROM user_sessions WHERE kind = 2 AND user_id = {user.Id}"), Is.EqualTo(5));

        Factory.Clock.Advance(TimeSpan.FromMinutes(10));
        (await Call("user/auth", new { login = user.Login, password = Password })).ShouldSucceed();
        Assert.That(MailCount(user.Login), Is.EqualTo(6));
    }

    [Test]
    public async Task Auth_WrongPasswordAndUnknownLogin_Give102_TenFailuresGive105()
    {
        var (_, panel) = await NewDealer();
        var user = await NewUser(panel);

        (await Call("user/auth", new { login = "nobody-" + user.Login, password = Password })).ShouldFail(102);
        for (var i = 0; i < 10; i++)
        {
            (await Call("user/auth", new { login = user.Login, password = "wrong-" + i })).ShouldFail(102);
        }

        (await Call("user/auth", new { login = user.Login, password = Password })).ShouldFail(105);
        (await Call("user/auth", new { login = user.Login.ToUpperInvariant(), password = Password })).ShouldFail(105);
    }

    [Test]
    public async Task Auth_WithMissingParameters_Returns7()
    {
        var response = (await Call("user/auth", new { login = "someone@example.com" })).ShouldFail(7);
        Assert.That(response.ErrorParameters, Is.EqualTo(new[] { "password" }));
    }

    [Test]
    public async Task Logout_EndsFullAndSecondFactorSessions()
    {
        var (_, panel) = await NewDealer();
        var plain = await NewUser(panel);
        var guarded = await NewUser(panel, ownMfa: Allowed);
        var full = (await Call("user/auth", new { login = plain.Login, password = Password })).ShouldSucceed().Hash;
        var secondFactor = (await Call("user/auth", new { login = guarded.Login, password = Password })).ShouldSucceed().Hash;

        (await Call("user/logout", null, full)).ShouldSucceed();
        (await Call("user/logout", null, secondFactor)).ShouldSucceed();

        (await Call("user/get_info", null, full)).ShouldFail(4);
        (await Call("user/auth/code/verify", new { code = LatestCodeFor(guarded.Login) }, secondFactor)).ShouldFail(4);
    }

    [Test]
    public async Task UserAndPanelHashes_AreNotInterchangeable()
    {
        var (_, panel) = await NewDealer();
        var user = await NewUser(panel);
        var full = (await Call("user/auth", new { login = user.Login, password = Password })).ShouldSucceed().Hash;

        (await Call("user/get_info", null, panel)).ShouldFail(4);
        (await Call("panel/account/get_permissions", null, full)).ShouldFail(4);
        (await Call("user/get_info")).ShouldFail(3);
    }
}
