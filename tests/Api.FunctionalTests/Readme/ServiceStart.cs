namespace Navixy.Panel.Api.FunctionalTests.Readme;

/// <summary>
/// The walk-through's start of the service, <c>NAME=value ... dotnet run --project src/Api [arguments]</c>, read as a
/// shell reads it: the leading assignments are environment variables of that one command, the words after
/// <c>src/Api</c> (after an optional <c>--</c>) the service's arguments.
/// </summary>
public sealed record ServiceStart(IReadOnlyDictionary<string, string> Environment, IReadOnlyList<string> Arguments)
{
    private static readonly string[] Command = ["dotnet", "run", "--project", "src/Api"];

    public static ServiceStart Parse(ReadmeStep step)
    {
        // Plain words only: a start line that needs quoting would need a shell parser here, and a reader a second look.
        if (step.Command.IndexOfAny(['\'', '"', '$', '`', '\\']) >= 0)
        {
            throw new FormatException($"README line {step.Line}: the service start must be plain words, not `{step.Command}`");
        }

        var words = step.Command.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var environment = new Dictionary<string, string>();
        var at = 0;
        for (; at < words.Length && IsAssignment(words[at]); at++)
        {
            var equals = words[at].IndexOf('=');
            environment[words[at][..equals]] = words[at][(equals + 1)..];
        }

        if (!words.Skip(at).Take(Command.Length).SequenceEqual(Command))
        {
            throw new FormatException($"README line {step.Line}: the service start must run `{string.Join(' ', Command)}`, not `{step.Command}`");
        }

        var arguments = words.Skip(at + Command.Length).ToList();
        if (arguments is ["--", ..])
        {
            arguments.RemoveAt(0);
        }

        return new ServiceStart(environment, arguments);
    }

    private static bool IsAssignment(string word)
    {
        var equals = word.IndexOf('=');
        return equals > 0 && (char.IsAsciiLetter(word[0]) || word[0] == '_') && word[..equals].All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
    }
}
