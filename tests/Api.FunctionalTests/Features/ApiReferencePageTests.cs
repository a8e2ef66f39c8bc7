using System.Text.RegularExpressions;
using Navixy.Panel.Api.FunctionalTests.Support;

namespace Navixy.Panel.Api.FunctionalTests.Features;

/// <summary>
/// <c>/docs</c> is served whole by the service: its scripts are local and carry the per-response nonce its policy
/// names, and the policy is the console's but for that nonce, two of Scalar's style sheets by hash and style
/// attributes. The console links it.
/// </summary>
public sealed partial class ApiReferencePageTests() : FunctionalTest("Sqlite")
{
    [Test]
    public async Task Docs_ServesLocalScripts_AllowedOnlyByThisResponsesNonce()
    {
        using var first = await Client.GetAsync("/docs/");
        var html = await first.Content.ReadAsStringAsync();
        var policy = string.Join(' ', first.Headers.GetValues("Content-Security-Policy"));
        var nonce = NoncePattern().Match(policy).Groups[1].Value;

        Assert.That(nonce, Has.Length.GreaterThanOrEqualTo(16), policy);
        Assert.That(policy, Does.Not.Contain("unsafe-eval").And.Contain("script-src 'self' 'nonce-").And.Contain("frame-ancestors 'none'"));
        Assert.That(policy.Replace("style-src-attr 'unsafe-inline'", string.Empty), Does.Not.Contain("unsafe-inline"), "inline code and style sheets only by nonce or hash");
        Assert.That(html, Does.Contain($"<meta property=\"csp-nonce\" content=\"{nonce}\""), "the bundle stamps its style sheets with the page's nonce");
        var scripts = ScriptPattern().Matches(html).Select(m => m.Value).ToArray();
        Assert.That(scripts, Is.Not.Empty);
        Assert.That(scripts, Has.All.Contain($"nonce=\"{nonce}\""));
        Assert.That(scripts, Has.None.Match("src=\"(https?:)?//"), "every script comes from the service");
        using var bundle = await Client.GetAsync("/docs/scalar.js");
        Assert.That(bundle.IsSuccessStatusCode, Is.True, "Scalar's bundle is served locally");

        using var second = await Client.GetAsync("/docs/");
        Assert.That(NoncePattern().Match(string.Join(' ', second.Headers.GetValues("Content-Security-Policy"))).Groups[1].Value, Is.Not.EqualTo(nonce), "a nonce is used once");
    }

    [Test]
    public async Task Docs_RenderedAtOnce_EachPageCarriesItsOwnResponsesNonce()
    {
        var pages = await Task.WhenAll(Enumerable.Range(0, 32).Select(async _ =>
        {
            using var response = await Client.GetAsync("/docs/");
            var nonce = NoncePattern().Match(string.Join(' ', response.Headers.GetValues("Content-Security-Policy"))).Groups[1].Value;
            return (nonce, html: await response.Content.ReadAsStringAsync());
        }));

        Assert.That(pages.Select(p => p.nonce).Distinct().Count(), Is.EqualTo(pages.Length));
        Assert.That(pages, Has.All.Matches<(string nonce, string html)>(p => p.html.Contains($"content=\"{p.nonce}\"") && p.html.Contains($"nonce=\"{p.nonce}\"")));
    }

    [Test]
    public async Task Console_KeepsItsPolicy_AndLinksTheReference()
    {
        using var console = await Client.GetAsync("/");
        Assert.That(string.Join(' ', console.Headers.GetValues("Content-Security-Policy")), Is.EqualTo(Pages.ConsolePages.ContentSecurityPolicy));
        Assert.That(await console.Content.ReadAsStringAsync(), Does.Contain("href=\"/docs\""));
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NoncePattern();

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptPattern();
}
