using System.Text;
using System.Text.RegularExpressions;
using Navixy.Panel.Api.FunctionalTests.Support;

namespace Navixy.Panel.Api.FunctionalTests.Readme;

/// <summary>
/// The README's walk-through runs as written: the service started the way it says, on a fresh data folder and a free
/// port, then every command in order, each printing the answer the README shows under it.
/// </summary>
public sealed partial class ReadmeWalkthroughTests
{
    [Test]
    public async Task Walkthrough_RunsTopToBottom_AndEveryCommandPrintsTheAnswerTheReadmeShows()
    {
        var walkthrough = ReadmeWalkthrough.Parse(await File.ReadAllTextAsync(Path.Combine(Repository.Root.FullName, "README.md")));
        var steps = walkthrough.Steps.ToList();
        var addresses = steps.FindAll(step => BaseAssignment().IsMatch(step.Command));
        Assert.That(addresses, Has.Count.EqualTo(1), "the walk-through sets BASE=<address> once, in a step of its own");

        // The reader's checkout in miniature: the service runs in src/Api (as under `dotnet run`), the commands in the
        // folder above, so the walk-through's relative paths (its data folder, the mails in it) land here, fresh.
        var checkout = Path.Combine(Path.GetTempPath(), "navixy-readme-" + Guid.NewGuid().ToString("N"));
        var serviceFolder = Directory.CreateDirectory(Path.Combine(checkout, "src", "Api")).FullName;
        try
        {
            // The content root is the real src/Api, whose appsettings.json `dotnet run` reads.
            var environment = new Dictionary<string, string>(walkthrough.Start.Environment)
            {
                ["ASPNETCORE_CONTENTROOT"] = Path.Combine(Repository.Root.FullName, "src", "Api"),
            };
            using var api = await ApiProcess.StartAsync(serviceFolder, environment, walkthrough.Start.Arguments);
            var address = api.BaseAddress.ToString().TrimEnd('/');
            steps[steps.IndexOf(addresses[0])] = addresses[0] with { Command = BaseAssignment().Replace(addresses[0].Command, "BASE=" + address) };

            var printed = await WalkthroughShell.RunAsync(steps, checkout, TimeSpan.FromMinutes(5));

            var differences = new StringBuilder();
            for (var i = 0; i < steps.Count; i++)
            {
                var output = i < printed.Count ? printed[i] : ["(not run: the shell stopped before it)"];
                if (!Same(steps[i].Answer, output))
                {
                    differences.Append($"README line {steps[i].Line}:\n{steps[i].Command}\nREADME shows:\n{Lines(steps[i].Answer)}printed:\n{Lines(output)}\n");
                }
            }

            Assert.That(differences.ToString(), Is.Empty, "commands whose answers differ from the README's");
        }
        finally
        {
            Directory.Delete(checkout, recursive: true);
        }
    }

    private static bool Same(IReadOnlyList<string> answer, IReadOnlyList<string> printed) =>
        answer.Count == printed.Count && answer.Zip(printed).All(pair => ExpectedAnswer.Matches(pair.First, pair.Second));

    private static string Lines(IReadOnlyList<string> lines) =>
        lines.Count == 0 ? "    (nothing)\n" : string.Concat(lines.Select(line => "    " + line + "\n"));

    [GeneratedRegex(@"^BASE=\S+$", RegexOptions.Multiline)]
    private static partial Regex BaseAssignment();
}
