using System.Net;
using Navixy.Panel.Api.FunctionalTests.Support;

namespace Navixy.Panel.Api.FunctionalTests.Features;

/// <summary>The console and sign-in pages as static files: headers, ETag revalidation, plain 404 outside the API.</summary>
[TestFixture("Sqlite")]
public sealed class ConsolePagesTests(string provider) : FunctionalTest(provider)
{
    [TestCase("/", "<title>Admin Panel")]
    [TestCase("/sign-in", "<title>Sign in")]
    public async Task Page_IsServedWithStrictSecurityHeaders(string path, string title)
    {
        using var response = await Client.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(title));
        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.That(csp, Does.StartWith("default-src 'self';").And.Contain("frame-ancestors 'none'").And.Not.Contain("unsafe"));
        Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
        Assert.That(response.Headers.GetValues("Referrer-Policy"), Is.EqualTo(new[] { "no-referrer" }));
    }

    [Test]
    public async Task Asset_WithItsETag_IsNotSentAgain()
    {
        using var first = await Client.GetAsync("/js/navixy.js");
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(first.Headers.ETag, Is.Not.Null);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/js/navixy.js");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var again = await Client.SendAsync(request);

        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
    }

    [TestCase("/js/missing.js")]
    [TestCase("/css/nope.css")]
    public async Task MissingAsset_IsAPlain404(string path)
    {
        using var response = await Client.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.Empty);
    }

    [Test]
    public async Task ApiReplies_CarryNoPageHeaders()
    {
        using var response = await Client.GetAsync("/v2/panel/account/get_permissions");

        Assert.That(response.Headers.Contains("Content-Security-Policy"), Is.False);
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("\"code\":3"));
    }
}
