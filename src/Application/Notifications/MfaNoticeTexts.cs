using System.Globalization;
using System.Net;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Domain.Notifications;

namespace Navixy.Panel.Application.Notifications;

/// <summary>The words of the MFA change notices, in one place: a plain-text part and the same in HTML.</summary>
public static class MfaNoticeTexts
{
    public static EmailMessage Compose(MfaNoticeKind kind, DateTime changedAt, string login)
    {
        var when = changedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
        var (subject, paragraphs) = kind switch
        {
            MfaNoticeKind.TurnedOff => (
                "Two-factor authentication was turned off for your account",
                new[]
                {
                    $"Two-factor authentication was turned off for your account {login} on {when} by your service provider.",
                    "Signing in now asks only for your password.",
                    "If you did not expect this change, contact your service provider and change your password.",
                }),
            _ => (
                "Two-factor authentication was turned on for your account",
                new[]
                {
                    $"Two-factor authentication was turned on for your account {login} on {when} by your service provider.",
                    "The next time you sign in, you will be asked for a code sent to this address.",
                    "If you did not expect this change, contact your service provider.",
                }),
        };

        var text = string.Join("\n\n", paragraphs) + "\n";
        var html = "<!DOCTYPE html><html><body>" + string.Concat(paragraphs.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>")) + "</body></html>";
        return new EmailMessage(login, subject, text, html);
    }
}
