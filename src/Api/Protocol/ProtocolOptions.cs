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

    /// <summary>The section, checked at start: a size limit is at least one byte, the rate limit 0 (off) or more.</summary>
    public static ProtocolOptions Read(IConfiguration configuration)
    {
        var defaults = new ProtocolOptions();
        return new ProtocolOptions
        {
            MaxBodyBytes = Setting.WholeNumber(configuration, "Protocol:MaxBodyBytes", defaults.MaxBodyBytes, 1, long.MaxValue, "bytes"),
            MaxUploadBytes = Setting.WholeNumber(configuration, "Protocol:MaxUploadBytes", defaults.MaxUploadBytes, 1, long.MaxValue, "bytes"),
            RateLimit = new RateLimitOptions
            {
                PerSecond = (int)Setting.WholeNumber(configuration, RateLimitOptions.PerSecondKey, defaults.RateLimit.PerSecond, 0, int.MaxValue, "requests per second (0 is off)"),
            },
        };
    }
}
