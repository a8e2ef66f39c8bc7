using Navixy.Panel.Application.Common.Configuration;
using Navixy.Panel.Application.Common.Exceptions;

namespace Navixy.Panel.Application.Common.Security;

/// <summary>Section <c>Security</c> of the configuration, checked at start.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";
    public const double DefaultSessionCacheSeconds = 5;

    /// <summary>How long a panel session stays cached (<see cref="PanelSessionCache"/>); 0 turns the cache off.</summary>
    public double SessionCacheSeconds { get; set; } = DefaultSessionCacheSeconds;

    /// <summary>
    /// The key one-time codes are MACed with and pending passwords sealed with, base64 of at least 32 bytes; several
    /// instances must share it. Unset: a random key generated once and kept in the data folder.
    /// </summary>
    public string? CodeSecret { get; set => field = Setting.Tidy(value); }

    /// <summary>The configured key's bytes; null when none is configured.</summary>
    public byte[]? CodeSecretKey() =>
        string.IsNullOrWhiteSpace(CodeSecret) ? null : Decode(CodeSecret) ?? throw new InvalidSettingException(InvalidCodeSecret);

    private const string InvalidCodeSecret = "Security:CodeSecret must be base64 of at least 32 bytes (e.g. from `openssl rand -base64 32`).";

    private static byte[]? Decode(string text)
    {
        var key = new byte[text.Length];
        return Convert.TryFromBase64String(text.Trim(), key, out var length) && length >= 32 ? key[..length] : null;
    }

    public sealed class Validator : SettingsValidator<SecurityOptions>
    {
        protected override IEnumerable<string?> Checks(SecurityOptions options) =>
        [
            Setting.Seconds("Security:SessionCacheSeconds", options.SessionCacheSeconds, max: 60),
            string.IsNullOrWhiteSpace(options.CodeSecret) || Decode(options.CodeSecret) is not null ? null : InvalidCodeSecret,
        ];
    }
}
