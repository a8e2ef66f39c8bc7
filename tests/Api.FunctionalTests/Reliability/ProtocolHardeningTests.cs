using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Navixy.Panel.Api.FunctionalTests.Support;
using Navixy.Panel.Application.Panel.Commands.CreatePanelAccount;
using Navixy.Panel.TestSupport;

namespace Navixy.Panel.Api.FunctionalTests.Reliability;

/// <summary>
/// Findings of the outside probe (docs/reliability.md, "Findings of the outside probe", items 3 to 5 and 7 to 10):
/// parser differentials, a path-dependent limit, a lax credential header, logins no mail reaches and the headers of
/// every reply. Each test pins one finding's fix.
/// </summary>
[TestFixtureSource(typeof(TestProviders), nameof(TestProviders.All))]
public sealed class ProtocolHardeningTests(string provider) : FunctionalTest(provider)
{
    private const string AllowEmail = """{"type":"allowed","factor_types":["email"]}""";

    [TestCase("panel/account/get_permissions")]
    [TestCase("user/get_info")]
    public async Task LoneSurrogateHash_InTheBody_Returns5(string action) =>
        (await PostRaw(action, """{"hash":"\ud800"}""", "application/json")).ShouldFail(5);

    [TestCase("panel/account/auth", """{"login":"\ud800","password":"Passw0rd!"}""")]
    [TestCase("panel/account/auth", """{"login":"admin","password":"\udfff\ud800"}""")]
    [TestCase("user/auth", """{"login":"a\ud800@example.com","password":"Passw0rd!"}""")]
    [TestCase("panel/user/list", """{"filter":"\ud800"}""")]
    [TestCase("panel/user/create", """{"user":{"login":"ls@example.com","first_name":"\ud800","last_name":"B","legal_type":"individual"},"password":"Passw0rd!","locale":"en_US","time_zone":"UTC"}""")]
    [TestCase("panel/user/list", """{"\ud800":1}""")]
    public async Task LoneSurrogate_AnywhereInAJsonBody_Returns5(string action, string body) =>
        (await PostRaw(action, body, "application/json", AdminHash)).ShouldFail(5);

    [TestCase(Transport.Form)]
    [TestCase(Transport.Query)]
    public async Task LoneSurrogate_InJsonTextOfAFormOrQueryValue_Returns7NamingIt(Transport transport)
    {
        // Strings are sent as they are: JSON text in the form or query value.
        var response = await Call("panel/user/mfa/settings/update", new { target = """{"type":"\ud800"}""", settings = AllowEmail }, AdminHash, transport);

        Assert.That(response.ShouldFail(7).ErrorParameters, Is.EqualTo(new[] { "target" }));
    }

    [Test]
    public async Task DuplicateIdsInsideTheTarget_Returns5_AndChangesNeitherUser()
    {
        var (_, panel) = await NewDealer();
        var first = await NewUser(panel);
        var second = await NewUser(panel);

        var body = $$"""{"target":{"type":"selected","ids":[{{first.Id}}],"ids":[{{second.Id}}]},"settings":{{AllowEmail}}}""";
        (await PostRaw("panel/user/mfa/settings/update", body, "application/json", panel)).ShouldFail(5);

        Assert.That(await MfaAllowed(first.Id, panel), Is.False);
        Assert.That(await MfaAllowed(second.Id, panel), Is.False);
    }

    [TestCase(Transport.Json, 5)]
    [TestCase(Transport.Form, 7)]
    [TestCase(Transport.Query, 7)]
    public async Task DuplicateTypeInsideTheSettings_IsRefused_AndChangesNothing(Transport transport, int code)
    {
        var (_, panel) = await NewDealer();
        var user = await NewUser(panel);
        var target = $$"""{"type":"selected","ids":[{{user.Id}}]}""";
        const string Settings = """{"type":"disallowed","type":"allowed","factor_types":["email"]}""";

        var response = transport == Transport.Json
            ? await PostRaw("panel/user/mfa/settings/update", $$"""{"target":{{target}},"settings":{{Settings}}}""", "application/json", panel)
            : await Call("panel/user/mfa/settings/update", new { target, settings = Settings }, panel, transport);

        response.ShouldFail(code);
        if (code == 7)
        {
            Assert.That(response.ErrorParameters, Is.EqualTo(new[] { "settings" }));
        }

        Assert.That(await MfaAllowed(user.Id, panel), Is.False);
    }

    [TestCase("application/json", """{"login":"admin","password":"Admin-Passw0rd!"}""")]
    [TestCase("application/x-www-form-urlencoded", "login=admin&password=Admin-Passw0rd%21")]
    public async Task BodyStartingWithAByteOrderMark_IsRead(string contentType, string body)
    {
        var content = new ByteArrayContent([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(body)]);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        (await Send(new HttpRequestMessage(HttpMethod.Post, "/v2/panel/account/auth") { Content = content })).ShouldSucceed();
    }

    [TestCase(Transport.Json)]
    [TestCase(Transport.Form)]
    [TestCase(Transport.Query)]
    public async Task TargetAllWithIds_Returns7OnTargetIds_AndChangesNothing(Transport transport)
    {
        var (_, panel) = await NewDealer();
        var named = await NewUser(panel);
        var other = await NewUser(panel);

        var response = await Call("panel/user/mfa/settings/update", new { target = new { type = "all", ids = new[] { named.Id } }, settings = new { type = "allowed", factor_types = new[] { "email" } } }, panel, transport);

        Assert.That(response.ShouldFail(7).ErrorParameters, Is.EqualTo(new[] { "target.ids" }));
        Assert.That(await MfaAllowed(named.Id, panel), Is.False);
        Assert.That(await MfaAllowed(other.Id, panel), Is.False);
    }

    [TestCase("/v2/panel/user/upload")]
    [TestCase("/v2/PANEL/USER/UPLOAD")]
    [TestCase("/v2/Panel/User/Upload/")]
    public async Task UploadLimit_IsTheActions_WhateverThePathsLetterCase(string path)
    {
        var (_, panel) = await NewDealer();
        // 1.4 MB, over the ordinary 1 MiB limit: a row whose bad login is refused (7) once the body is read.
        var csv = "login;first_name;last_name;legal_type;password\nnot-an-email;" + new string('a', 1_400_000) + ";B;individual;Passw0rd1\n";

        var response = await Upload(csv, panel, path: path);

        Assert.That(response.ShouldFail(7).ErrorParameters, Is.Not.Empty);
    }

    [Test]
    public async Task OrdinaryBodyLimit_HoldsWhateverThePathsLetterCase()
    {
        var body = "{\"filler\":\"" + new string('a', 1_400_000) + "\"}";
        var request = new HttpRequestMessage(HttpMethod.Post, "/v2/PANEL/ACCOUNT/AUTH") { Content = new StringContent(body, Encoding.UTF8, "application/json") };

        (await Send(request)).ShouldFail(9, HttpStatusCode.PreconditionFailed);
    }

    [Test]
    public async Task BareHashInTheAuthorizationHeader_Returns3()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v2/panel/account/get_permissions");
        request.Headers.TryAddWithoutValidation("Authorization", AdminHash);

        (await Send(request)).ShouldFail(3);
    }

    [TestCase("a,b.x@example.com")]
    [TestCase("<x>.x@example.com")]
    [TestCase("jürgen.x@example.com")]
    [TestCase("Name <x@example.com>")]
    [TestCase("x(comment)@example.com")]
    [TestCase("x@[127.0.0.1]")]
    [TestCase("x@bücher.example")]
    public async Task UndeliverableLogin_IsRefusedByCreateUploadAndRegister(string login)
    {
        var (_, panel) = await NewDealer();
        var user = new { login, first_name = "A", last_name = "B", legal_type = "individual" };
        var created = await Call("panel/user/create", new { user, password = "Passw0rd!", locale = "en_US", time_zone = "UTC" }, panel);
        Assert.That(created.ShouldFail(7).ErrorParameters, Is.EqualTo(new[] { "user.login" }));

        var uploaded = await Upload($"login;first_name;last_name;legal_type;password\n{login};A;B;individual;Passw0rd1\n", panel);
        Assert.That(uploaded.ShouldFail(7)["row_number"].GetInt32(), Is.EqualTo(2));

        var master = await NewUser(panel);
        var session = (await Call("user/auth", new { login = master.Login, password = "User-Passw0rd" })).ShouldSucceed().Hash;
        var registered = await Call("subuser/register", new { user = new { login, first_name = "A", last_name = "B" }, password = "Passw0rd!" }, session);
        Assert.That(registered.ShouldFail(7).ErrorParameters, Is.EqualTo(new[] { "user.login" }));
    }

    [Test]
    public async Task DeliverableLoginWithEveryAtomCharacter_IsAccepted()
    {
        var (_, panel) = await NewDealer();
        var login = "O'Neil+tag_" + Guid.NewGuid().ToString("N")[..8] + "!#$%&*/=?^`{|}~-x@mail-1.example.co.uk";
        var user = new { login, first_name = "A", last_name = "B", legal_type = "individual" };

        (await Call("panel/user/create", new { user, password = "Passw0rd!", locale = "en_US", time_zone = "UTC" }, panel)).ShouldSucceed();
    }

    [Test]
    public async Task EveryReply_IsNoStoreAndNoSniff()
    {
        var success = new HttpRequestMessage(HttpMethod.Post, "/v2/panel/account/get_permissions");
        success.Headers.Authorization = new AuthenticationHeaderValue("NVX", AdminHash);
        var invalid = new HttpRequestMessage(HttpMethod.Post, "/v2/panel/user/read") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        invalid.Headers.Authorization = new AuthenticationHeaderValue("NVX", AdminHash);

        foreach (var request in new[]
        {
            success,
            invalid,
            new HttpRequestMessage(HttpMethod.Get, "/v2/panel/account/get_permissions"),
            new HttpRequestMessage(HttpMethod.Get, "/v2/no/such/action"),
            new HttpRequestMessage(HttpMethod.Delete, "/v2/panel/account/auth"),
            new HttpRequestMessage(HttpMethod.Post, "/v2/panel/account/auth") { Content = new StringContent("{", Encoding.UTF8, "application/json") },
            new HttpRequestMessage(HttpMethod.Get, "/health"),
        })
        {
            using var response = await Client.SendAsync(request);
            var what = $"{request.Method} {request.RequestUri} ({(int)response.StatusCode})";
            Assert.That(response.Headers.CacheControl?.NoStore, Is.True, what);
            Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }), what);
        }
    }

    [Test]
    public async Task PanelLoginThrottle_Answers15WithRetryAfter()
    {
        var login = Unique("locked");
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CreatePanelAccountCommand(1, login, "Right-Passw0rd", "users:read"));
        }

        for (var i = 0; i < 10; i++)
        {
            (await Call("panel/account/auth", new { login, password = "wrong-" + i })).ShouldFail(12);
        }

        var request = new HttpRequestMessage(HttpMethod.Post, "/v2/panel/account/auth")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { login, password = "Right-Passw0rd" }), Encoding.UTF8, "application/json"),
        };
        using var response = await Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromMinutes(15)));
    }
}
