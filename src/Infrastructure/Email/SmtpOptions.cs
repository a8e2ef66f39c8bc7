using Navixy.Panel.Application.Common.Configuration;

namespace Navixy.Panel.Infrastructure.Email;

/// <summary>Section <c>Email:Smtp</c>: the SMTP server for <see cref="EmailDelivery.Smtp"/>.</summary>
public sealed class SmtpOptions
{
    public string Host { get; set => field = Setting.Tidy(value) ?? "localhost"; } = "localhost";

    public int Port { get; set; } = 25;

    public bool EnableSsl { get; set; }

    public string? UserName { get; set => field = Setting.Tidy(value); }

    public string? Password { get; set; }

    public string From { get; set => field = Setting.Tidy(value) ?? "no-reply@localhost"; } = "no-reply@localhost";

    /// <summary>
    /// SHA-256 fingerprint (hex) of the one certificate accepted from the server even without a trusted chain: a relay
    /// with a self-signed certificate. Null: the usual validation only. Validation is never switched off.
    /// </summary>
    public string? CertificateThumbprint { get; set => field = Setting.Tidy(value); }

    /// <summary><see cref="CertificateThumbprint"/> as hexadecimal digits alone (it may be written with colons); null when unset.</summary>
    public string? PinnedSha256 => string.IsNullOrWhiteSpace(CertificateThumbprint) ? null : CertificateThumbprint.Replace(":", string.Empty, StringComparison.Ordinal);

    /// <summary>How long one delivery may take before it counts as failed.</summary>
    public int TimeoutMilliseconds { get; set; } = 10_000;
}
