using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Navixy.Panel.Application.Common.Interfaces;

namespace Navixy.Panel.Infrastructure.Email;

/// <summary>
/// Delivery to an SMTP server with MailKit: host, port, TLS and credentials from configuration. One connection per
/// message: the senders are occasional (a login code) or paced (notifications), and a fresh connection never
/// inherits a half-broken one.
/// </summary>
internal sealed class SmtpEmailSender(SmtpOptions options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        try
        {
            using var mail = MailMessages.Create(message, options.From);
            using var client = new SmtpClient { Timeout = options.TimeoutMilliseconds };
            if (options.PinnedSha256 is { } pinned)
            {
                client.ServerCertificateValidationCallback = (_, certificate, _, errors) => IsTrusted(certificate, errors, pinned);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.TimeoutMilliseconds);
            await client.ConnectAsync(options.Host, options.Port, SecurityOf(options), timeout.Token);
            if (!string.IsNullOrEmpty(options.UserName))
            {
                await client.AuthenticateAsync(options.UserName, options.Password ?? string.Empty, timeout.Token);
            }

            await client.SendAsync(mail, timeout.Token);
            await client.DisconnectAsync(quit: true, timeout.Token);
        }
        catch (Exception ex) when (ex is CommandException or ProtocolException or AuthenticationException or SslHandshakeException or SocketException or IOException
                                       or TimeoutException or InvalidOperationException or FormatException or MimeKit.ParseException
                                   || ex is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new EmailDeliveryException(
                $"The SMTP server {options.Host}:{options.Port} did not take the message: {DeliveryFailure.Describe(ex)}", ex, DeliveryFailure.IsPermanent(ex));
        }
    }

    // EnableSsl keeps its System.Net.Mail meaning (TLS required), with port 465 speaking TLS from the first byte.
    private static SecureSocketOptions SecurityOf(SmtpOptions options) =>
        !options.EnableSsl ? SecureSocketOptions.None
        : options.Port == 465 ? SecureSocketOptions.SslOnConnect
        : SecureSocketOptions.StartTls;

    // A pinned certificate is trusted as itself (a relay with a self-signed certificate); any other certificate
    // still needs a valid chain and name.
    private static bool IsTrusted(X509Certificate? certificate, SslPolicyErrors errors, string pinnedSha256) =>
        errors == SslPolicyErrors.None
        || certificate is not null && string.Equals(Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData())), pinnedSha256, StringComparison.OrdinalIgnoreCase);
}
