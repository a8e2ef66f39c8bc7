using System.Net.Mail;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Infrastructure.Storage;

namespace Navixy.Panel.Infrastructure.Email;

/// <summary>The embedded default: each message becomes one <c>.eml</c> file in the pickup folder, readable by any mail client.</summary>
internal sealed class PickupEmailSender(string directory, string from) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        try
        {
            // The files the mail client writes get the umask's mode: the owner-only folder keeps others out.
            OwnerOnly.CreateDirectory(directory);
            using var mail = MailMessages.Create(message, from);
            using var client = new SmtpClient
            {
                DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,
                PickupDirectoryLocation = directory,
            };
            await client.SendMailAsync(mail, cancellationToken);
        }
        catch (Exception ex) when (ex is SmtpException or IOException or UnauthorizedAccessException or FormatException)
        {
            throw new EmailDeliveryException($"The message could not be written to the pickup folder {directory}: {DeliveryFailure.Describe(ex)}", ex);
        }
    }
}
