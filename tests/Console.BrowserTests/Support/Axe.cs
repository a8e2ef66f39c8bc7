using System.Text.Json;
using Microsoft.Playwright;

namespace Navixy.Panel.Console.BrowserTests.Support;

/// <summary>axe-core, installed by scripts/test.sh (npm) and found through NAVIXY_TEST_AXE, run inside the page.</summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(() =>
    {
        var path = Environment.GetEnvironmentVariable("NAVIXY_TEST_AXE");
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            Assert.Fail("NAVIXY_TEST_AXE must name axe.min.js (npm package axe-core): run the tests through scripts/test.sh");
        }

        return File.ReadAllText(path!);
    });

    public static async Task AssertNoSeriousViolationsAsync(IPage page, string screen)
    {
        // Evaluated through the DevTools protocol, so the page's CSP (no inline script) stays as served.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(Source.Value);
        }

        var violations = await page.EvaluateAsync<JsonElement>(
            """
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
              .filter(v => v.impact === 'serious' || v.impact === 'critical')
              .map(v => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map(n => n.target.join(' ') + ' (' + n.failureSummary + ')').join(', ')}`)
            """);
        var found = violations.EnumerateArray().Select(v => v.GetString()).ToArray();
        Assert.That(found, Is.Empty, $"axe-core on {screen}");
    }
}
