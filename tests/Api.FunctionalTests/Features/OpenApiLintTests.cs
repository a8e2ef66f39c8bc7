using Navixy.Panel.Api.FunctionalTests.Support;

namespace Navixy.Panel.Api.FunctionalTests.Features;

/// <summary>
/// Redocly CLI (npm <c>@redocly/cli</c>, installed by scripts/test.sh and found through NAVIXY_TEST_REDOCLY) lints the
/// document with its recommended rules: no errors. Warnings (tag descriptions, licence) are printed, not failed.
/// </summary>
public sealed class OpenApiLintTests() : FunctionalTest("Sqlite")
{
    [Test]
    public async Task Document_PassesRedoclysRecommendedRules_WithNoErrors()
    {
        var redocly = Environment.GetEnvironmentVariable("NAVIXY_TEST_REDOCLY");
        if (string.IsNullOrEmpty(redocly) || !File.Exists(redocly))
        {
            Assert.Fail("NAVIXY_TEST_REDOCLY must name the redocly executable (npm package @redocly/cli): run the tests through scripts/test.sh");
        }

        var folder = Directory.CreateTempSubdirectory("navixy-openapi-lint").FullName;
        try
        {
            var document = Path.Combine(folder, "openapi.json");
            await File.WriteAllTextAsync(document, await Client.GetStringAsync("/openapi/v1.json"));
            var (exit, output) = await ToolRun.RunAsync(redocly!, ["lint", document, "--format=summary"], folder, TimeSpan.FromMinutes(3));
            TestContext.Out.WriteLine(output);
            Assert.That(exit, Is.Zero, output);
            Assert.That(output, Does.Not.Match(@"(?m)^error\s"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
