using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Navixy.Panel.Application.Panel.Commands.CreateDealer;
using Navixy.Panel.Application.Panel.Commands.CreatePanelAccount;

namespace Navixy.Panel.Api.FunctionalTests.Support;

/// <summary>Where a request carries its parameters.</summary>
public enum Transport
{
    Json,
    Form,
    Query,
}

/// <summary>
/// Base of the functional suites: one API host per fixture and provider, plus helpers that speak the Navixy
/// protocol in each transport. Derived fixtures are declared with
/// <c>[TestFixtureSource(typeof(TestProviders), nameof(TestProviders.All))]</c> so every test runs on every provider
/// (a suite bound to one provider's feature names it with <c>[TestFixture("Postgres")]</c>).
/// </summary>
public abstract class FunctionalTest(string provider)
{
    private int _counter;
    private JsonNode? _document;

    protected PanelApiFactory Factory { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    /// <summary>Session of the bootstrap account <c>admin</c> of dealer 1, with every permission.</summary>
    protected string AdminHash { get; set; } = null!;

    [OneTimeSetUp]
    public async Task StartApi()
    {
        Factory = CreateFactory(provider);
        Client = Factory.CreateClient();
        AdminHash = (await Call("panel/account/auth", new { login = "admin", password = PanelApiFactory.AdminPassword })).ShouldSucceed().Hash;
    }

    /// <summary>The host of the fixture; override to change its configuration before it starts.</summary>
    protected virtual PanelApiFactory CreateFactory(string provider) => new(provider);

    [OneTimeTearDown]
    public void StopApi()
    {
        Client?.Dispose();
        Factory?.Dispose();
    }

    /// <summary>A name unique within the run, for logins.</summary>
    protected string Unique(string prefix) => $"{prefix}{Interlocked.Increment(ref _counter)}-{Guid.NewGuid():N}"[..Math.Min(40, prefix.Length + 34)];

    /// <summary>Calls an action with parameters in the chosen transport (objects become JSON text in form and query).</summary>
    /// <param name="client">Another host's client (a second API instance); the fixture's own by default.</param>
    protected async Task<ApiResponse> Call(string action, object? parameters = null, string? hash = null, Transport transport = Transport.Json, HttpClient? client = null)
    {
        var fields = parameters is null ? new Dictionary<string, JsonElement>() : JsonSerializer.SerializeToElement(parameters).EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        HttpRequestMessage request;
        switch (transport)
        {
            case Transport.Json:
                request = new HttpRequestMessage(HttpMethod.Post, "/v2/" + action)
                {
                    Content = new StringContent(JsonSerializer.Serialize(fields), Encoding.UTF8, "application/json"),
                };
                break;
            case Transport.Form:
                request = new HttpRequestMessage(HttpMethod.Post, "/v2/" + action)
                {
                    Content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Key, AsText(f.Value)))),
                };
                break;
            default:
                var query = string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(AsText(f.Value))}"));
                request = new HttpRequestMessage(HttpMethod.Get, "/v2/" + action + (query.Length > 0 ? "?" + query : string.Empty));
                break;
        }

        if (hash is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("NVX", hash);
        }

        return await Send(request, client);
    }

    /// <summary>Posts a raw body (for the seed's curl examples and malformed input).</summary>
    protected Task<ApiResponse> PostRaw(string action, string body, string contentType, string? hash = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v2/" + action) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (hash is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "NVX " + hash);
        }

        return Send(request);
    }

    /// <summary>Users for an upload, each with a login and password of its own.</summary>
    protected (string Login, string Password)[] NewImportRows(int count) =>
        Enumerable.Range(0, count).Select(_ => (Login: $"{Unique("imp")}@example.com", Password: $"Imp-{Guid.NewGuid():N}"[..24])).ToArray();

    /// <summary>An upload file of <paramref name="rows"/>, with the required columns only.</summary>
    protected static string ImportFile(IEnumerable<(string Login, string Password)> rows) =>
        "login;first_name;last_name;legal_type;password\n" + string.Concat(rows.Select(r => $"{r.Login};Ann;Lee;individual;{r.Password}\n"));

    /// <summary>Uploads a CSV file as the multipart part <paramref name="partName"/> of <c>panel/user/upload</c> (at <paramref name="path"/>).</summary>
    protected Task<ApiResponse> Upload(string csv, string hash, string partName = "file", string path = "/v2/panel/user/upload")
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, partName, "users.csv");
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("NVX", hash);
        return Send(request);
    }

    protected async Task<ApiResponse> Send(HttpRequestMessage request, HttpClient? client = null)
    {
        using var response = await (client ?? Client).SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.LessThan(500), text);
        var reply = new ApiResponse(response.StatusCode, JsonDocument.Parse(text).RootElement.Clone()) { RetryAfter = response.Headers.RetryAfter?.Delta };
        if (reply.Body.ValueKind == JsonValueKind.Object && reply.Body.TryGetProperty("success", out var success) && !success.GetBoolean()
            && reply.Body.TryGetProperty("status", out var status))
        {
            await AssertDocumentedAsync(request, (int)response.StatusCode, status.GetProperty("code").GetInt32());
        }

        return reply;
    }

    /// <summary>Every error a test meets is one the OpenAPI document lists for the action, under its HTTP status.</summary>
    protected async Task AssertDocumentedAsync(HttpRequestMessage request, int httpStatus, int code)
    {
        _document ??= JsonNode.Parse(await Client.GetStringAsync("/openapi/v1.json"))!;
        var uri = request.RequestUri!;
        var path = uri.IsAbsoluteUri ? uri.AbsolutePath : "/" + uri.OriginalString.Split('?')[0].TrimStart('/');
        var operation = _document["paths"]?[path]?[request.Method.Method.ToLowerInvariant()];
        if (operation is null)
        {
            return; // not an action of the document: an unknown path or method (4, 405)
        }

        var listed = operation["responses"]?[httpStatus.ToString(System.Globalization.CultureInfo.InvariantCulture)]?["x-navixy-error-codes"]?.AsArray().Select(c => c!.GetValue<int>()) ?? [];
        Assert.That(listed, Does.Contain(code), $"the OpenAPI document lists {code} under HTTP {httpStatus} for {request.Method} {request.RequestUri}");
    }

    /// <summary>Creates a dealer with a panel account holding the given permissions; returns the dealer id and a session hash.</summary>
    protected async Task<(long DealerId, string Hash)> NewDealer(string permissions = "users:read,users:update,users:create")
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var dealerId = await mediator.Send(new CreateDealerCommand(Unique("Dealer ")));
        var login = Unique("ops");
        await mediator.Send(new CreatePanelAccountCommand(dealerId, login, "Account-Passw0rd", permissions));
        var hash = (await Call("panel/account/auth", new { login, password = "Account-Passw0rd" })).ShouldSucceed().Hash;
        return (dealerId, hash);
    }

    /// <summary>Creates a master user through the API; returns its id and login.</summary>
    protected async Task<(long Id, string Login)> NewUser(string panelHash, object? ownMfa = null, bool demo = false, string password = "User-Passw0rd")
    {
        var login = Unique("user") + "@example.com";
        var user = new Dictionary<string, object?>
        {
            ["login"] = login,
            ["first_name"] = "Test",
            ["last_name"] = "User",
            ["legal_type"] = "individual",
            ["demo"] = demo,
        };
        if (ownMfa is not null)
        {
            user["dealer_mfa_settings"] = ownMfa;
        }

        var id = (await Call("panel/user/create", new { user, password, locale = "en_US", time_zone = "Europe/London" }, panelHash))
            .ShouldSucceed()["id"].GetInt64();
        return (id, login);
    }

    protected async Task<bool> MfaAllowed(long userId, string panelHash) =>
        (await Call("panel/user/read", new { user_id = userId }, panelHash)).ShouldSucceed()["value"].GetProperty("mfa_allowed").GetBoolean();

    private static string AsText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        _ => value.GetRawText(),
    };
}
