using System.Diagnostics;
using System.Text;

namespace Navixy.Panel.Api.FunctionalTests.Readme;

/// <summary>
/// Runs the walk-through's steps one after the other in one bash, as a reader pasting them into a terminal would (the
/// variables one step sets are there for the next), and returns what each printed, standard error included.
/// </summary>
public static class WalkthroughShell
{
    // Printed before every step on a line of its own; the leading newline ends a reply curl printed without one.
    private const string Marker = "@@readme-walkthrough-step@@";

    public static async Task<IReadOnlyList<IReadOnlyList<string>>> RunAsync(IReadOnlyList<ReadmeStep> steps, string workingDirectory, TimeSpan timeout)
    {
        var script = new StringBuilder("exec 2>&1\n");
        foreach (var step in steps)
        {
            script.Append($"printf '\\n%s\\n' '{Marker}'\n").Append(step.Command).Append('\n');
        }

        var path = Path.Combine(Path.GetTempPath(), $"navixy-walkthrough-{Guid.NewGuid():N}.sh");
        await File.WriteAllTextAsync(path, script.ToString());
        try
        {
            var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, WorkingDirectory = workingDirectory };
            start.ArgumentList.Add(path);
            // The service listens on loopback; a proxy configured for this machine must not see the requests.
            start.Environment["no_proxy"] = start.Environment["NO_PROXY"] = "127.0.0.1,localhost";
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            using var cancel = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"the walk-through did not finish within {timeout}; it printed:\n{await output}");
            }

            return Split(await output, steps.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The text between one marker and the next, as lines; a step after the shell stopped gets no entry.</summary>
    private static List<IReadOnlyList<string>> Split(string output, int steps)
    {
        var parts = output.Split($"\n{Marker}\n");
        return parts.Skip(1).Take(steps)
            .Select(IReadOnlyList<string> (part) => part.TrimEnd('\n') is { Length: > 0 } text ? text.Split('\n') : [])
            .ToList();
    }
}
