using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Navixy.Panel.Application.Common.Configuration;

namespace Navixy.Panel.Infrastructure.Email;

/// <summary>Section <c>Email</c> of the configuration.</summary>
public sealed partial class EmailOptions
{
    public const string Section = "Email";

    public EmailDelivery Delivery { get; set; } = EmailDelivery.Pickup;

    /// <summary>Folder of <c>.eml</c> files for <see cref="EmailDelivery.Pickup"/>; default (null) <c>&lt;data&gt;/mail</c>.</summary>
    public string? PickupDirectory { get; set => field = Setting.Tidy(value); }

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The section, checked at start: SMTP delivery needs its server and sender configured, not defaulted.</summary>
    public sealed class Validator(IConfiguration configuration) : SettingsValidator<EmailOptions>
    {
        protected override IEnumerable<string?> Checks(EmailOptions options)
        {
            yield return Setting.Named<EmailDelivery>(configuration, "Email:Delivery");
            var smtp = options.Smtp;
            if (options.Delivery == EmailDelivery.Smtp)
            {
                // Configured, not defaulted: the defaults are a local relay's, which a production sender is not.
                yield return Setting.Text(configuration, "Email:Smtp:Host") is null
                    ? "Email:Smtp:Host is required when Email:Delivery is Smtp: the SMTP server's name or address."
                    : null;
                yield return Setting.Text(configuration, "Email:Smtp:From") is null
                    ? "Email:Smtp:From is required when Email:Delivery is Smtp: the sender's address, e.g. no-reply@example.com."
                    : null;
            }

            // MimeKit also reads a bare word as a (local) mailbox; a sender needs a domain.
            yield return MimeKit.MailboxAddress.TryParse(smtp.From, out var mailbox) && mailbox.LocalPart.Length > 0 && mailbox.Domain.Length > 0
                ? null
                : Setting.Sentence("Email:Smtp:From", "an email address", smtp.From);
            yield return smtp.PinnedSha256 is not { } pinned || Sha256Hex().IsMatch(pinned)
                ? null
                : Setting.Sentence("Email:Smtp:CertificateThumbprint", "the SHA-256 fingerprint of the server's certificate (64 hexadecimal digits)", pinned);
            yield return Setting.WholeNumber("Email:Smtp:Port", smtp.Port, 1, 65535);
            yield return Setting.WholeNumber("Email:Smtp:TimeoutMilliseconds", smtp.TimeoutMilliseconds, 1, 600_000, "milliseconds");
        }
    }

    [GeneratedRegex("^[0-9A-Fa-f]{64}$")]
    private static partial Regex Sha256Hex();
}
