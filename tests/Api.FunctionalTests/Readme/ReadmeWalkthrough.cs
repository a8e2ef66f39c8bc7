namespace Navixy.Panel.Api.FunctionalTests.Readme;

/// <summary>
/// The README's walk-through as a test runs it: the <c>sh</c> blocks of its <c>## Walk-through</c> section (up to the
/// next <c>## </c> heading), in order. The first block starts the service; every other block is a list of steps. A step
/// is a run of command lines; the <c># → </c> lines right under it are its answer. A blank line or another comment
/// (<c>#</c> without the arrow: prose for the reader) ends a step, and so does a command line after the answer.
/// </summary>
public sealed record ReadmeWalkthrough(ServiceStart Start, IReadOnlyList<ReadmeStep> Steps)
{
    public const string Heading = "## Walk-through";
    public const string AnswerMark = "# →";

    public static ReadmeWalkthrough Parse(string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var heading = Array.IndexOf(lines, Heading);
        if (heading < 0)
        {
            throw new FormatException($"the README has no '{Heading}' section");
        }

        var blocks = new List<List<ReadmeStep>>();
        for (var at = heading + 1; at < lines.Length && !lines[at].StartsWith("## ", StringComparison.Ordinal); at++)
        {
            if (lines[at] == "```sh")
            {
                var end = Array.IndexOf(lines, "```", at + 1);
                if (end < 0)
                {
                    throw new FormatException($"README line {at + 1}: the sh block is never closed");
                }

                blocks.Add(ParseBlock(lines, at + 1, end));
                at = end;
            }
        }

        if (blocks is not [[var start], .. var rest])
        {
            throw new FormatException("the walk-through must open with a sh block holding one command: the service start");
        }

        return new ReadmeWalkthrough(ServiceStart.Parse(start), [.. rest.SelectMany(block => block)]);
    }

    /// <summary>The steps of the block whose lines are <paramref name="from"/> up to, not including, <paramref name="to"/>.</summary>
    private static List<ReadmeStep> ParseBlock(string[] lines, int from, int to)
    {
        var steps = new List<ReadmeStep>();
        var command = new List<string>();
        var answer = new List<string>();
        var line = 0;

        void EndStep()
        {
            if (command.Count > 0)
            {
                steps.Add(new ReadmeStep(line, string.Join('\n', command), [.. answer]));
            }

            command.Clear();
            answer.Clear();
        }

        for (var at = from; at < to; at++)
        {
            var text = lines[at];
            if (text.StartsWith(AnswerMark, StringComparison.Ordinal))
            {
                if (command.Count == 0)
                {
                    throw new FormatException($"README line {at + 1}: an answer ('{AnswerMark}') with no command right above it");
                }

                answer.Add(text == AnswerMark ? string.Empty
                    : text.StartsWith(AnswerMark + " ", StringComparison.Ordinal) ? text[(AnswerMark.Length + 1)..]
                    : throw new FormatException($"README line {at + 1}: '{AnswerMark}' is followed by one space and the answer"));
            }
            else if (string.IsNullOrWhiteSpace(text) || text.TrimStart().StartsWith('#'))
            {
                EndStep();
            }
            else
            {
                if (answer.Count > 0)
                {
                    EndStep();
                }

                if (command.Count == 0)
                {
                    line = at + 1;
                }

                command.Add(text);
            }
        }

        EndStep();
        return steps;
    }
}
