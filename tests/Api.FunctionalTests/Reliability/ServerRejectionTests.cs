using System.Net.Sockets;
using System.Text;
using Navixy.Panel.Api.FunctionalTests.Support;

namespace Navixy.Panel.Api.FunctionalTests.Reliability;

/// <summary>
/// Requests the server itself refuses, seen through a real Kestrel (the API as a process). What reaches the
/// pipeline gets the Navixy envelope and the reply headers; what Kestrel refuses while parsing the request
/// (a 414 request line, 431 headers, a 400 request target such as <c>%00</c>) is answered by Kestrel alone,
/// with an empty body the application cannot write (see docs/decisions.md).
/// </summary>
public sealed class ServerRejectionTests
{
    private PanelApiFactory _factory = null!;
    private ApiProcess _api = null!;

    [OneTimeSetUp]
    public async Task StartApi()
    {
        _factory = new PanelApiFactory("Sqlite");
        _api = await ApiProcess.StartAsync([.. _factory.ConfigurationArguments, $"--Bootstrap:AdminPassword={PanelApiFactory.AdminPassword}"]);
    }

    [OneTimeTearDown]
    public void StopApi()
    {
        _api?.Dispose();
        _factory?.Dispose();
    }

    [TestCase("OPTIONS /v2/panel/account/auth HTTP/1.1", "", 405, 112)]
    [TestCase("FOO /v2/panel/account/auth HTTP/1.1", "", 405, 112)]
    [TestCase("GET /v2/panel/account/auth%2F HTTP/1.1", "", 404, 111)]
    [TestCase("POST /v2/panel/account/auth HTTP/1.1", "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400, 5)]
    public async Task RejectionInsideThePipeline_HasTheEnvelopeAndHeaders(string requestLine, string rest, int status, int code)
    {
        var reply = await RawAsync(requestLine, rest);

        Assert.That(reply, Does.StartWith($"HTTP/1.1 {status} "));
        Assert.That(reply, Does.Contain("\r\nX-Content-Type-Options: nosniff\r\n"));
        Assert.That(reply, Does.Contain("\r\nCache-Control: no-store\r\n"));
        Assert.That(reply, Does.Contain($$"""{"success":false,"status":{"code":{{code}},"""));
    }

    [TestCase("GET /v2/panel/a%00b HTTP/1.1", 400)]
    [TestCase("GET /v2/panel/account/auth?x={long} HTTP/1.1", 414)]
    [TestCase("GET /v2/panel/account/auth HTTP/1.1\r\nX-Filler: {long}{long}{long}{long}{long}", 431)]
    public async Task RejectionByKestrelWhileParsing_IsBodiless(string requestLine, int status)
    {
        var reply = await RawAsync(requestLine.Replace("{long}", new string('a', 10_000), StringComparison.Ordinal), string.Empty);

        Assert.That(reply, Does.StartWith($"HTTP/1.1 {status} "));
        Assert.That(reply, Does.Contain("\r\nContent-Length: 0\r\n"));
    }

    /// <summary>One request written byte for byte (HttpClient would refuse or repair some of these), the reply as text.</summary>
    private async Task<string> RawAsync(string requestLine, string rest)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_api.BaseAddress.Host, _api.BaseAddress.Port);
        await using var stream = tcp.GetStream();
        var headers = rest.Length == 0 ? "Connection: close\r\n\r\n" : "Connection: close\r\n" + rest;
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"{requestLine}\r\nHost: 127.0.0.1\r\n{headers}"));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var reply = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
        TestContext.Out.WriteLine(reply);
        return reply;
    }
}
