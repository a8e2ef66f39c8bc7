using System.Net;
using System.Net.Mail;
using Navixy.Panel.Application.Common.Interfaces;

namespace Navixy.Panel.Infrastructure.Email;

/// <summary>Delivery to an SMTP server with <see cref="SmtpClient"/>: host, port, TLS and credentials from configuration.</summary>
internal sealed class SmtpEmailSender(SmtpOptions options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        try
        {
            using var mail = MailMessages.Create(message, options.From);
            using var client = new SmtpClient(options.Host, options.Port)
            {
                EnableSsl = options.EnableSsl,
                DeliveryMethod = SmtpDeliveryMethod.Network,
                Timeout = options.TimeoutMilliseconds,
            };
            if (!string.IsNullOrEmpty(options.UserName))
            {
                client.Credentials = new NetworkCredential(options.UserName, options.Password);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.TimeoutMilliseconds);
            await client.SendMailAsync(mail, timeout.Token);
        }
        catch (Exception ex) when (ex is SmtpException or IOException or InvalidOperationException or FormatException
                                   or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new EmailDeliveryException($"The SMTP server {options.Host}:{options.Port} did not take the message: {DeliveryFailure.Describe(ex)}", ex);
        }
    }
}
