using Navixy.Panel.Console.BrowserTests.Support;

namespace Navixy.Panel.Console.BrowserTests.Flows;

/// <summary>
/// <c>/docs</c>, the API reference linked from the console: it renders the OpenAPI document with its assets served
/// by the service and nothing refused by its Content-Security-Policy (a refusal would also be a console error,
/// which every browser test fails on).
/// </summary>
[TestFixture("Sqlite")]
[NonParallelizable]
public sealed class ApiReferenceTests(string provider) : BrowserTest(provider)
{
    [Test]
    public async Task ConsoleLinksTheReference_WhichRendersTheDocument_WithNoPolicyViolation()
    {
        await Page.AddInitScriptAsync("window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber + ':' + e.columnNumber + ' ' + e.sample));");
        var outside = new List<string>();
        Page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(Service.BaseAddress.ToString(), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal) && !request.Url.StartsWith("blob:", StringComparison.Ordinal))
            {
                outside.Add(request.Url);
            }
        };
        await Page.GotoAsync("/");
        await Link("API reference").ClickAsync();

        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/docs/?$"));
        await Expect(Page.GetByText("Navixy.Panel API").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        // The first group (in tag order) opens by itself; the panel account's is opened as a reader would.
        await Page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "PanelAccount", Exact = true }).ClickAsync();
        await Expect(Page.GetByText("Opens a panel session").First).ToBeVisibleAsync();
        // Scalar's bundled Zod probes once whether it may compile validators (try { Function("") } catch) and, refused,
        // validates without: that refusal is the policy working, not a fault. Anything else refused fails the test.
        var violations = (await Page.EvaluateAsync<string[]>("window.__violations"))
            .Where(v => !(v.StartsWith("script-src eval ", StringComparison.Ordinal) && v.Contains("/docs/scalar.js:", StringComparison.Ordinal)));
        Assert.That(violations, Is.Empty, "Content-Security-Policy violations");
        Assert.That(outside, Is.Empty, "requests that left the service");
    }
}
