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
            // The files get the umask's mode: the owner-only folder keeps others out.
            OwnerOnly.CreateDirectory(directory);
            using var mail = MailMessages.Create(message, from);
            // Written under a temporary name and renamed, so a reader (or a crash) never sees half a message.
            var name = Path.Combine(directory, Guid.NewGuid().ToString("N"));
            await using (var file = new FileStream(name + ".tmp", FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true))
            {
                await mail.WriteToAsync(file, cancellationToken);
            }

            File.Move(name + ".tmp", name + ".eml");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or MimeKit.ParseException)
        {
            throw new EmailDeliveryException(
                $"The message could not be written to the pickup folder {directory}: {DeliveryFailure.Describe(ex)}", ex, DeliveryFailure.IsPermanent(ex));
        }
    }
}
