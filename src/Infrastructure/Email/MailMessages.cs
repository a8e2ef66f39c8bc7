using MimeKit;
using Navixy.Panel.Application.Common.Interfaces;

namespace Navixy.Panel.Infrastructure.Email;

internal static class MailMessages
{
    /// <summary>
    /// Plain text, with an HTML alternative when the message has one; prepared for 7-bit transport, so ASCII text
    /// (a login code) stays readable as-is in the raw message and anything else is quoted-printable.
    /// </summary>
    public static MimeMessage Create(EmailMessage message, string from)
    {
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        var mail = new MimeMessage([MailboxAddress.Parse(from)], [MailboxAddress.Parse(message.To)], message.Subject, body.ToMessageBody());
        mail.Prepare(EncodingConstraint.SevenBit);
        return mail;
    }
}
