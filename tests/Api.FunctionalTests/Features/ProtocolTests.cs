using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Navixy.Panel.Api.FunctionalTests.Support;
using Navixy.Panel.Infrastructure.Persistence;
using Navixy.Panel.TestSupport;

namespace Navixy.Panel.Api.FunctionalTests.Features;

/// <summary>The Navixy wire protocol and panel authentication, rule by rule.</summary>
[TestFixtureSource(typeof(TestProviders), nameof(TestProviders.All))]
public sealed class ProtocolTests(string provider) : FunctionalTest(provider)
{
    private Task<ApiResponse> Raw(HttpMethod method, string url, string? body = null, string? contentType = null, string? authorization = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        }

        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return Send(request);
    }

    [Test]
    public async Task Auth_ReturnsLowercaseHexHashAndPermissionMap()
    {
        var auth = (await Call("panel/account/auth", new { login = "admin", password = PanelApiFactory.AdminPassword })).ShouldSucceed();

        Assert.That(auth.Hash, Does.Match("^[0-9a-f]{32}$"));
        Assert.That(auth["permissions"].ToString(), Is.EqualTo("""{"audit":["read"],"users":["create","read","update"]}"""), "the bootstrap admin holds every grant");
    }

    [TestCase(Transport.Json)]
    [TestCase(Transport.Form)]
    [TestCase(Transport.Query)]
    public async Task Auth_WithWrongPassword_Returns12(Transport transport) =>
        (await Call("panel/account/auth", new { login = "admin", password = "wrong-password" }, transport: transport)).ShouldFail(12);

    [Test]
    public async Task Auth_WithMissingParameters_Returns7()
    {
        var response = (await Call("panel/account/auth", new { })).ShouldFail(7);
        Assert.That(response.ErrorParameters, Is.EqualTo(new[] { "login", "password" }));
        Assert.That(response["errors"].EnumerateArray().Select(e => e.GetProperty("error").GetString()), Has.All.EqualTo("is required"));
    }

    [Test]
    public async Task Credential_IsAcceptedInHeaderBodyAndQuery()
    {
        (await Raw(HttpMethod.Post, "/v2/panel/account/get_permissions", authorization: "NVX " + AdminHash)).ShouldSucceed();
        (await Raw(HttpMethod.Post, "/v2/panel/account/get_permissions", $$"""{"hash":"{{AdminHash}}"}""", "application/json")).ShouldSucceed();
        (await Raw(HttpMethod.Post, "/v2/panel/account/get_permissions", "hash=" + AdminHash, "application/x-www-form-urlencoded")).ShouldSucceed();
        (await Raw(HttpMethod.Get, "/v2/panel/account/get_permissions?hash=" + AdminHash)).ShouldSucceed();
    }

    [Test]
    public async Task Credential_BodyWinsOverQuery_AndHeaderWinsOverBody()
    {
        var bogus = new string('a', 32);
        (await Raw(HttpMethod.Post, "/v2/panel/account/get_permissions?hash=" + bogus, "hash=" + AdminHash, "application/x-www-form-urlencoded")).ShouldSucceed();
        (await Raw(HttpMethod.Post, "/v2/panel/account/get_permissions", "hash=" + bogus, "application/x-www-form-urlencoded", "NVX " + AdminHash)).ShouldSucceed();
        (await Raw(HttpMethod.Post, "/v2/panel/account/get_permissions", "hash=" + AdminHash, "application/x-www-form-urlencoded", "NVX " + bogus)).ShouldFail(4);
    }

    [TestCase(null)]
    [TestCase("NVX ")]
    [TestCase("NVX 1234")]
    [TestCase("NVX 22EAC1C27AF4BE7B9D04DA2CE1AF111B")]
    [TestCase("NVX 22eac1c27af4be7b9d04da2ce1af111g")]
    [TestCase("NVX22eac1c27af4be7b9d04da2ce1af111b")]
    [TestCase("Bearer 22eac1c27af4be7b9d04da2ce1af111b")]
    public async Task Credential_MissingOrMalformed_Returns3(string? authorization) =>
        (await Raw(HttpMethod.Post, "/v2/panel/account/get_permissions", authorization: authorization)).ShouldFail(3);

    [TestCase("login=a%FFb")]
    [TestCase("login=%ED%A0%80")]
    [TestCase("login=%C3")]
    public async Task Query_WithAnEscapeThatIsNotUtf8_Returns5(string query) =>
        (await Raw(HttpMethod.Get, "/v2/panel/account/auth?" + query + "&password=x")).ShouldFail(5);

    [Test]
    public async Task Query_WithUtf8Escapes_IsRead() =>
        (await Raw(HttpMethod.Get, "/v2/panel/account/auth?login=%C3%A9mile&password=wrong-password")).ShouldFail(12);

    [TestCase("nvx ")]
    [TestCase("Nvx ")]
    public async Task Credential_SchemeInAnyLetterCase_IsAccepted(string scheme) =>
        (await Raw(HttpMethod.Post, "/v2/panel/account/get_permissions", authorization: scheme + AdminHash)).ShouldSucceed();

    [Test]
    public async Task Credential_InTwoAuthorizationHeaders_Returns3()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v2/panel/account/get_permissions");
        request.Headers.TryAddWithoutValidation("Authorization", ["NVX " + AdminHash, "NVX " + AdminHash]);

        (await Send(request)).ShouldFail(3);
    }

    [Test]
    public async Task Credential_WellFormedButUnknown_Returns4() =>
        (await Raw(HttpMethod.Post, "/v2/panel/account/get_permissions", authorization: "NVX 22eac1c27af4be7b9d04da2ce1af111b")).ShouldFail(4);

    [Test]
    public async Task Logout_EndsSessionAtOnce()
    {
        var hash = (await Call("panel/account/auth", new { login = "admin", password = PanelApiFactory.AdminPassword })).ShouldSucceed().Hash;
        (await Call("panel/account/get_permissions", null, hash)).ShouldSucceed(); // the session is now cached

        (await Call("panel/account/logout", null, hash)).ShouldSucceed();

        (await Call("panel/account/get_permissions", null, hash)).ShouldFail(4);
        (await Call("panel/account/logout", null, hash)).ShouldFail(4);
    }

    [Test]
    public async Task ExpiredSession_Returns4()
    {
        var hash = (await Call("panel/account/auth", new { login = "admin", password = PanelApiFactory.AdminPassword })).ShouldSucceed().Hash;
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PanelDbContext>();
            var sessions = db.PanelSessions.ToList();
            foreach (var session in sessions)
            {
                db.Entry(session).Property(s => s.ExpiresAt).CurrentValue = DateTime.UtcNow.AddSeconds(-1);
            }

            await db.SaveChangesAsync();
        }

        (await Call("panel/account/get_permissions", null, hash)).ShouldFail(4);
        AdminHash = (await Call("panel/account/auth", new { login = "admin", password = PanelApiFactory.AdminPassword })).ShouldSucceed().Hash;
    }

    [Test]
    public async Task Routes_AcceptTrailingSlashAndBothMethods()
    {
        (await Raw(HttpMethod.Get, "/v2/panel/account/get_permissions/?hash=" + AdminHash)).ShouldSucceed();
        (await Raw(HttpMethod.Post, "/v2/panel/account/get_permissions/", authorization: "NVX " + AdminHash)).ShouldSucceed();
    }

    [TestCase("PUT")]
    [TestCase("DELETE")]
    [TestCase("PATCH")]
    public async Task OtherMethods_Return112With405(string method) =>
        (await Raw(new HttpMethod(method), "/v2/panel/account/get_permissions", authorization: "NVX " + AdminHash)).ShouldFail(112, HttpStatusCode.MethodNotAllowed);

    [TestCase("/v2/panel/account/nope")]
    [TestCase("/v2/unknown")]
    [TestCase("/v2")]
    public async Task UnknownApiPaths_Return111With404(string path) =>
        (await Raw(HttpMethod.Post, path)).ShouldFail(111, HttpStatusCode.NotFound);

    [TestCase("/elsewhere")]
    [TestCase("/panel/account/auth")]
    [TestCase("/v2x/panel/account/auth")]
    public async Task UnknownPathsOutsideTheApi_AreAPlain404(string path)
    {
        using var response = await Client.PostAsync(path, null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.Empty);
    }

    [TestCase("{\"login\":", "application/json")]
    [TestCase("[1,2,3]", "application/json")]
    [TestCase("\"text\"", "application/json")]
    [TestCase("{\"login\":\"a\",\"login\":\"b\"}", "application/json")]
    [TestCase("<auth><login>admin</login></auth>", "text/xml")]
    public async Task UnparseableOrUnsupportedBody_Returns5(string body, string contentType) =>
        (await Raw(HttpMethod.Post, "/v2/panel/account/auth", body, contentType)).ShouldFail(5);

    [Test]
    public async Task InvalidUtf8Json_Returns5()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v2/panel/account/auth") { Content = new ByteArrayContent([(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}']) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        (await Send(request)).ShouldFail(5);
    }

    [Test]
    public async Task MultipartPartInAnotherCharset_IsReadInThatCharset()
    {
        var (_, hash) = await NewDealer();
        var tag = new string(Guid.NewGuid().ToString("N").Where(char.IsAsciiLetter).Take(8).ToArray());
        var user = new { login = Unique("latin") + "@example.com", first_name = "Zoé" + tag, last_name = "Latin", legal_type = "individual" };
        var id = (await Call("panel/user/create", new { user, password = "User-Passw0rd", locale = "en_US", time_zone = "UTC" }, hash)).ShouldSucceed()["id"].GetInt64();

        // 0xE9 is "é" in Latin-1 and no UTF-8 at all: read as Latin-1 the filter finds the user, read otherwise it
        // would be refused (5) or find nobody.
        var filter = new ByteArrayContent([.. "zo"u8, 0xE9, .. System.Text.Encoding.ASCII.GetBytes(tag)]);
        filter.Headers.ContentType = MediaTypeHeaderValue.Parse("text/plain; charset=iso-8859-1");
        var request = new HttpRequestMessage(HttpMethod.Post, "/v2/panel/user/list")
        {
            Content = new MultipartFormDataContent { { filter, "filter" }, { new StringContent(hash), "hash" } },
        };

        var list = (await Send(request)).ShouldSucceed();
        Assert.That(list["list"].EnumerateArray().Select(u => u.GetProperty("id").GetInt64()), Is.EqualTo(new[] { id }));
    }

    [Test]
    public async Task JsonSentAsForm_IsReadAsJson() =>
        (await Raw(HttpMethod.Post, "/v2/panel/account/auth", $$"""{"login":"admin","password":"{{PanelApiFactory.AdminPassword}}"}""", "application/x-www-form-urlencoded")).ShouldSucceed();

    [Test]
    public async Task BodyOverOneMebibyte_Returns9With412()
    {
        var body = "{\"login\":\"admin\",\"password\":\"" + new string('x', 1024 * 1024) + "\"}";
        (await Raw(HttpMethod.Post, "/v2/panel/account/auth", body, "application/json")).ShouldFail(9, HttpStatusCode.PreconditionFailed);
    }

    [Test]
    public async Task UnknownExtraFields_AreIgnored() =>
        (await Call("panel/account/auth", new { login = "admin", password = PanelApiFactory.AdminPassword, remember_me = true, client = new { name = "x" } })).ShouldSucceed();

    [Test]
    public async Task BodyParameterWinsOverQuery()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v2/panel/account/auth?password=wrong-password&login=admin")
        {
            Content = new FormUrlEncodedContent([KeyValuePair.Create("password", PanelApiFactory.AdminPassword)]),
        };
        (await Send(request)).ShouldSucceed();
    }

    [Test]
    public async Task TenFailedPanelLogins_ThenEvenRightPasswordGets15With429()
    {
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var mediator = scope.ServiceProvider.GetRequiredService<MediatR.IMediator>();
            await mediator.Send(new Application.Panel.Commands.CreatePanelAccount.CreatePanelAccountCommand(1, "throttled", "Right-Passw0rd", "users:read"));
        }

        for (var i = 0; i < 10; i++)
        {
            (await Call("panel/account/auth", new { login = "throttled", password = "wrong-" + i })).ShouldFail(12);
        }

        (await Call("panel/account/auth", new { login = "throttled", password = "Right-Passw0rd" })).ShouldFail(15, HttpStatusCode.TooManyRequests);
        (await Call("panel/account/auth", new { login = "admin", password = PanelApiFactory.AdminPassword })).ShouldSucceed();
    }

    [Test]
    public async Task BlockedDealer_Returns11()
    {
        var (dealerId, hash) = await NewDealer("users:read");
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PanelDbContext>();
            var dealer = await db.Dealers.FindAsync(dealerId);
            dealer!.Block();
            await db.SaveChangesAsync();
        }

        (await Call("panel/account/get_permissions", null, hash)).ShouldFail(11, HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task BlockedDealer_WhileItsSessionIsCached_Gives11OnceTheCacheLifetimeHasPassed()
    {
        var (dealerId, hash) = await NewDealer("users:read");
        (await Call("panel/account/get_permissions", null, hash)).ShouldSucceed();
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PanelDbContext>();
            (await db.Dealers.FindAsync(dealerId))!.Block();
            await db.SaveChangesAsync();
        }

        // A block made by another process (a management command, another instance) is seen within the cache lifetime.
        Factory.Clock.Advance(TimeSpan.FromSeconds(Application.Common.Security.SecurityOptions.DefaultSessionCacheSeconds));

        (await Call("panel/account/get_permissions", null, hash)).ShouldFail(11, HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Permissions_OfAReadOnlyAccount_AreReported()
    {
        var (_, hash) = await NewDealer("users:read");
        var permissions = (await Call("panel/account/get_permissions", null, hash, Transport.Query)).ShouldSucceed();
        Assert.That(permissions["permissions"].ToString(), Is.EqualTo("""{"users":["read"]}"""));
    }

    [Test]
    public async Task Health_ReportsDatabaseReachable()
    {
        using var response = await Client.GetAsync("/health");
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(text, Does.Contain("\"database\":\"reachable\""));
        // On PostgreSQL the cache is paused until the change listener has connected; SQL Server cannot hear changes.
        Assert.That(text, Factory.Provider switch
        {
            "Sqlite" => Does.Contain("\"read_cache\":\"serving\""),
            "SqlServer" => Does.Contain("\"read_cache\":\"off\""),
            _ => Does.Contain("\"read_cache\":\"serving\"").Or.Contain("\"read_cache\":\"paused\""),
        });
    }

    [Test]
    public async Task OpenApiDocument_ListsTheActions()
    {
        var text = await Client.GetStringAsync("/openapi/v1.json");
        Assert.That(text, Does.Contain("/v2/panel/account/auth").And.Contain("/v2/panel/user/mfa/settings/update").And.Contain("/v2/user/auth/code/verify"));
    }
}
