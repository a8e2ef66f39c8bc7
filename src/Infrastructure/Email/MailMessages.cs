using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Navixy.Panel.Application.Common.Interfaces;

namespace Navixy.Panel.Infrastructure.Email;

internal static class MailMessages
{
    /// <summary>A plain-text message in 7-bit ASCII when possible, so the code reads as-is in the raw message.</summary>
    public static MailMessage Create(EmailMessage message, string from)
    {
        var ascii = message.TextBody.All(char.IsAscii);
        var mail = new MailMessage(from, message.To, message.Subject, message.TextBody)
        {
            BodyEncoding = ascii ? Encoding.ASCII : Encoding.UTF8,
            SubjectEncoding = Encoding.UTF8,
            IsBodyHtml = false,
            BodyTransferEncoding = ascii ? TransferEncoding.SevenBit : TransferEncoding.QuotedPrintable,
        };
        return mail;
    }
}
