using Navixy.Panel.Application.Common.Configuration;

namespace Navixy.Panel.Api.Protocol;

/// <summary>Request limits of the wire protocol (section <c>Protocol</c> of the configuration).</summary>
public sealed class ProtocolOptions
{
    /// <summary>Largest body of an ordinary action; a larger one is refused with code 9.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Largest body of an action marked <see cref="FileUploadAttribute"/> (<c>panel/user/upload</c>).</summary>
    public long MaxUploadBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Requests per second per session hash, or per client address without one (section <c>RateLimit</c>).</summary>
    public RateLimitOptions RateLimit { get; set; } = new();

    public const string Section = "Protocol";

    /// <summary>The section, checked at start: a size limit is at least one byte, the rate limit 0 (off) or more.</summary>
    public sealed class Validator : SettingsValidator<ProtocolOptions>
    {
        protected override IEnumerable<string?> Checks(ProtocolOptions options) =>
        [
            Setting.WholeNumber("Protocol:MaxBodyBytes", options.MaxBodyBytes, 1, long.MaxValue, "bytes"),
            Setting.WholeNumber("Protocol:MaxUploadBytes", options.MaxUploadBytes, 1, long.MaxValue, "bytes"),
            Setting.WholeNumber(RateLimitOptions.PerSecondKey, options.RateLimit.PerSecond, 0, int.MaxValue, "requests per second (0 is off)"),
        ];
    }
}
