using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Navixy.Panel.Application.Common.Configuration;
using Navixy.Panel.Application.Common.Exceptions;

namespace Navixy.Panel.Infrastructure.Email;

public enum EmailDelivery
{
    Pickup,
    Smtp,
}

/// <summary>Section <c>Email</c> of the configuration.</summary>
public sealed partial class EmailOptions
{
    public EmailDelivery Delivery { get; set; } = EmailDelivery.Pickup;

    /// <summary>Folder of <c>.eml</c> files for <see cref="EmailDelivery.Pickup"/>; default <c>&lt;data&gt;/mail</c>.</summary>
    public string? PickupDirectory { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The section, checked at start: SMTP delivery needs its server and sender configured, not defaulted.</summary>
    public static EmailOptions Read(IConfiguration configuration)
    {
        var delivery = Setting.Choice(configuration, "Email:Delivery", EmailDelivery.Pickup);
        var host = Setting.Text(configuration, "Email:Smtp:Host");
        var from = Setting.Text(configuration, "Email:Smtp:From");
        if (delivery == EmailDelivery.Smtp && host is null)
        {
            throw new InvalidSettingException("Email:Smtp:Host is required when Email:Delivery is Smtp: the SMTP server's name or address.");
        }

        if (delivery == EmailDelivery.Smtp && from is null)
        {
            throw new InvalidSettingException("Email:Smtp:From is required when Email:Delivery is Smtp: the sender's address, e.g. no-reply@example.com.");
        }

        // MimeKit also reads a bare word as a (local) mailbox; a sender needs a domain.
        if (from is not null && !(MimeKit.MailboxAddress.TryParse(from, out var mailbox) && mailbox.LocalPart.Length > 0 && mailbox.Domain.Length > 0))
        {
            throw Setting.Invalid("Email:Smtp:From", "an email address", from);
        }

        var thumbprint = Setting.Text(configuration, "Email:Smtp:CertificateThumbprint")?.Replace(":", string.Empty, StringComparison.Ordinal);
        if (thumbprint is not null && !Sha256Hex().IsMatch(thumbprint))
        {
            throw Setting.Invalid("Email:Smtp:CertificateThumbprint", "the SHA-256 fingerprint of the server's certificate (64 hexadecimal digits)", thumbprint);
        }

        var defaults = new SmtpOptions();
        return new EmailOptions
        {
            Delivery = delivery,
            PickupDirectory = Setting.Text(configuration, "Email:PickupDirectory"),
            Smtp = new SmtpOptions
            {
                Host = host ?? defaults.Host,
                Port = (int)Setting.WholeNumber(configuration, "Email:Smtp:Port", defaults.Port, 1, 65535),
                EnableSsl = Setting.Boolean(configuration, "Email:Smtp:EnableSsl", defaults.EnableSsl),
                UserName = Setting.Text(configuration, "Email:Smtp:UserName"),
                Password = configuration["Email:Smtp:Password"],
                From = from ?? defaults.From,
                CertificateThumbprint = thumbprint,
                TimeoutMilliseconds = (int)Setting.WholeNumber(configuration, "Email:Smtp:TimeoutMilliseconds", defaults.TimeoutMilliseconds, 1, 600_000, "milliseconds"),
            },
        };
    }

    [GeneratedRegex("^[0-9A-Fa-f]{64}$")]
    private static partial Regex Sha256Hex();
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 25;

    public bool EnableSsl { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "no-reply@localhost";

    /// <summary>
    /// SHA-256 fingerprint (hex) of the one certificate accepted from the server even without a trusted chain: a relay
    /// with a self-signed certificate. Null: the usual validation only. Validation is never switched off.
    /// </summary>
    public string? CertificateThumbprint { get; set; }

    /// <summary>How long one delivery may take before it counts as failed.</summary>
    public int TimeoutMilliseconds { get; set; } = 10_000;
}
