using Navixy.Panel.Application.Common.Configuration;

namespace Navixy.Panel.Api.Protocol;

/// <summary>Request limits of the wire protocol (section <c>Protocol</c> of the configuration).</summary>
public sealed class ProtocolOptions
{
    /// <summary>Largest body of an ordinary action; a larger one is refused with code 9.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Largest body of an action marked <see cref="FileUploadAttribute"/> (<c>panel/user/upload</c>).</summary>
    public long MaxUploadBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>The section, checked at start: a limit is at least one byte.</summary>
    public static ProtocolOptions Read(IConfiguration configuration)
    {
        var defaults = new ProtocolOptions();
        return new ProtocolOptions
        {
            MaxBodyBytes = Setting.WholeNumber(configuration, "Protocol:MaxBodyBytes", defaults.MaxBodyBytes, 1, long.MaxValue, "bytes"),
            MaxUploadBytes = Setting.WholeNumber(configuration, "Protocol:MaxUploadBytes", defaults.MaxUploadBytes, 1, long.MaxValue, "bytes"),
        };
    }
}
