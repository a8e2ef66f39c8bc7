using System.Text.RegularExpressions;

namespace Navixy.Panel.Api.FunctionalTests.Support;

/// <summary>The pickup folder read as a mail client would: the one-time codes mailed to a login, and the other notices.</summary>
public static partial class Mailbox
{
    /// <summary>Every code mailed to the login, oldest first (messages without a code, such as notices, are not codes).</summary>
    public static string[] CodesFor(string folder, string login) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.eml")
                .Select(f => (File: f, Text: File.ReadAllText(f)))
                .Where(m => m.Text.Contains("To: " + login, StringComparison.Ordinal) && CodePattern().IsMatch(m.Text))
                .OrderBy(m => File.GetLastWriteTimeUtc(m.File)).ThenBy(m => m.File, StringComparer.Ordinal)
                .Select(m => CodePattern().Match(m.Text).Groups[1].Value)
                .ToArray()
            : [];

    /// <summary>
    /// Every message in the folder whose subject starts with <paramref name="subject"/>: its recipient, and its text
    /// and HTML parts decoded as a mail client shows them (null when the message has no such part).
    /// </summary>
    public static IReadOnlyList<(string To, string? Text, string? Html)> WithSubject(string folder, string subject) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.eml")
                .Where(file => File.ReadAllText(file).Contains("Subject: " + subject, StringComparison.Ordinal))
                .Select(file => MimeKit.MimeMessage.Load(file))
                .Select(message => (message.To.Mailboxes.Single().Address, message.TextBody, message.HtmlBody))
                .ToArray()
            : [];

    [GeneratedRegex(@"code is (\d{6})")]
    private static partial Regex CodePattern();
}
