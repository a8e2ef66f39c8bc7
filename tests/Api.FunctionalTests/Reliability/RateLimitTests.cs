using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Navixy.Panel.Api.FunctionalTests.Support;

namespace Navixy.Panel.Api.FunctionalTests.Reliability;

/// <summary>
/// Navixy's API limit: requests per second per session hash, per client address without one; 15 (HTTP 429) with
/// Retry-After beyond it; X-Forwarded-For counts only from a configured proxy. The limit does not touch the
/// database, so one provider suffices.
/// </summary>
public sealed class RateLimitTests
{
    private const int PerSecond = 5;
    private const int Flood = 40;
    private const string KnownProxy = "10.0.0.1";

    private PanelApiFactory _factory = null!;
    private WebApplicationFactory<Program> _host = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _factory = new PanelApiFactory("Sqlite");
        _factory.Settings["Protocol:RateLimit:PerSecond"] = PerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _factory.Settings["ForwardedHeaders:KnownProxies"] = KnownProxy;
        _host = WithTestAddresses(_factory);
        _client = _host.CreateClient();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _client.Dispose();
        _host.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task FloodOnOneHash_Gets15WithRetryAfter_WhileAnotherHashIsServed()
    {
        var flooded = await SignIn("10.2.0.1");
        var other = await SignIn("10.2.0.1");

        var replies = await FloodAsync(_ => Request("panel/user/list", "10.2.0.1", hash: flooded));

        AssertSomeLimited(replies);
        var served = await SendAsync(Request("panel/user/list", "10.2.0.1", hash: other));
        Assert.That(served.Status, Is.EqualTo(HttpStatusCode.OK), served.Text);
    }

    [Test]
    public async Task FloodWithoutHash_IsLimitedPerClientAddress()
    {
        var replies = await FloodAsync(_ => Request("panel/user/list", "10.1.0.1"));

        AssertSomeLimited(replies);
        var elsewhere = await SendAsync(Request("panel/user/list", "10.1.0.2"));
        Assert.That(elsewhere.Text, Does.Contain("\"code\":3"), "another address gets the usual 3 for a missing hash");
    }

    [Test]
    public async Task ForwardedFor_FromAKnownProxy_NamesTheClient()
    {
        var replies = await FloodAsync(_ => Request("panel/user/list", KnownProxy, forwardedFor: "203.0.113.5"));

        AssertSomeLimited(replies);
        var otherClient = await SendAsync(Request("panel/user/list", KnownProxy, forwardedFor: "203.0.113.6"));
        Assert.That(otherClient.Text, Does.Contain("\"code\":3"), "the proxy's other client has its own count");
    }

    [Test]
    public async Task ForwardedFor_FromAnUnlistedAddress_IsIgnored()
    {
        var replies = await FloodAsync(i => Request("panel/user/list", "10.3.0.1", forwardedFor: $"198.51.100.{i + 1}"));

        AssertSomeLimited(replies);
    }

    [Test]
    public async Task HealthIsNeverLimited()
    {
        var replies = await FloodAsync(_ => new HttpRequestMessage(HttpMethod.Get, "/health") { Headers = { { TestAddresses.Header, "10.4.0.1" } } });

        Assert.That(replies.Select(r => r.Status), Has.None.EqualTo(HttpStatusCode.TooManyRequests));
    }

    [Test]
    public async Task ConsolePages_AreNeitherLimitedNorCounted()
    {
        string[] paths = ["/", "/sign-in", "/js/missing.js"];
        var replies = await FloodAsync(i => new HttpRequestMessage(HttpMethod.Get, paths[i % paths.Length]) { Headers = { { TestAddresses.Header, "10.6.0.1" } } });

        Assert.That(replies.Select(r => r.Status), Has.None.EqualTo(HttpStatusCode.TooManyRequests));
        var navixy = await SendAsync(Request("panel/user/list", "10.6.0.1"));
        Assert.That(navixy.Text, Does.Contain("\"code\":3"), "the pages left the address its whole /v2 budget");
    }

    [Test]
    public async Task ZeroPerSecond_TurnsTheLimitOff()
    {
        using var factory = new PanelApiFactory("Sqlite");
        factory.Settings["Protocol:RateLimit:PerSecond"] = "0";
        using var host = WithTestAddresses(factory);
        using var client = host.CreateClient();

        var replies = await FloodAsync(_ => Request("panel/user/list", "10.5.0.1"), client);

        Assert.That(replies.Select(r => r.Text), Has.All.Contain("\"code\":3"));
    }

    private static WebApplicationFactory<Program> WithTestAddresses(PanelApiFactory factory) => factory.WithTestAddresses();

    private async Task<string> SignIn(string address)
    {
        var request = Request("panel/account/auth", address);
        request.Content = new StringContent($"{{\"login\":\"admin\",\"password\":\"{PanelApiFactory.AdminPassword}\"}}", Encoding.UTF8, "application/json");
        var reply = await SendAsync(request);
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Text);
        return System.Text.Json.JsonDocument.Parse(reply.Text).RootElement.GetProperty("hash").GetString()!;
    }

    private static HttpRequestMessage Request(string action, string address, string? hash = null, string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v2/" + action) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.Add(TestAddresses.Header, address);
        if (hash is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("NVX", hash);
        }

        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return request;
    }

    private Task<Reply[]> FloodAsync(Func<int, HttpRequestMessage> request, HttpClient? client = null) =>
        Task.WhenAll(Enumerable.Range(0, Flood).Select(i => SendAsync(request(i), client)));

    private async Task<Reply> SendAsync(HttpRequestMessage request, HttpClient? client = null)
    {
        using (request)
        using (var response = await (client ?? _client).SendAsync(request))
        {
            return new Reply(response.StatusCode, response.Headers.RetryAfter?.Delta, await response.Content.ReadAsStringAsync());
        }
    }

    private static void AssertSomeLimited(Reply[] replies)
    {
        var limited = replies.Where(r => r.Status == HttpStatusCode.TooManyRequests).ToArray();
        Assert.That(limited, Is.Not.Empty, "a flood beyond the limit is refused in part");
        Assert.That(replies.Count(r => r.Status != HttpStatusCode.TooManyRequests), Is.GreaterThanOrEqualTo(PerSecond), "the limit's worth is served");
        Assert.Multiple(() =>
        {
            foreach (var reply in limited)
            {
                var body = System.Text.Json.JsonDocument.Parse(reply.Text).RootElement;
                Assert.That(body.GetProperty("success").GetBoolean(), Is.False);
                Assert.That(body.GetProperty("status").GetProperty("code").GetInt32(), Is.EqualTo(15));
                Assert.That(reply.RetryAfter, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1)));
            }
        });
    }

    private sealed record Reply(HttpStatusCode Status, TimeSpan? RetryAfter, string Text);
}
