using System.Text.RegularExpressions;

namespace Navixy.Panel.Api.FunctionalTests.Support;

/// <summary>The pickup folder read as a mail client would: the one-time codes mailed to a login.</summary>
public static partial class Mailbox
{
    /// <summary>Every code mailed to the login, oldest first.</summary>
    public static string[] CodesFor(string folder, string login) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.eml")
                .Select(f => (File: f, Text: File.ReadAllText(f)))
                .Where(m => m.Text.Contains("To: " + login, StringComparison.Ordinal))
                .OrderBy(m => File.GetLastWriteTimeUtc(m.File)).ThenBy(m => m.File, StringComparer.Ordinal)
                .Select(m => CodePattern().Match(m.Text).Groups[1].Value)
                .ToArray()
            : [];

    [GeneratedRegex(@"code is (\d{6})")]
    private static partial Regex CodePattern();
}
