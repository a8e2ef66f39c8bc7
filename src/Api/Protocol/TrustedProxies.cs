using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Navixy.Panel.Application.Common.Configuration;

namespace Navixy.Panel.Api.Protocol;

/// <summary>
/// The client address comes from <c>X-Forwarded-For</c> only when the connection is from a proxy listed under
/// <c>ForwardedHeaders:KnownProxies</c> (addresses) or <c>ForwardedHeaders:KnownNetworks</c> (CIDR); the
/// framework's default of trusting loopback is dropped, so nobody else can choose the address the rate limit sees.
/// </summary>
public static class TrustedProxies
{
    public const string ProxiesKey = "ForwardedHeaders:KnownProxies";
    public const string NetworksKey = "ForwardedHeaders:KnownNetworks";

    /// <summary>Program.cs reads the options at the start, so a bad entry stops it naming the setting.</summary>
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var proxies = Read(configuration, ProxiesKey, "IP addresses", text => IPAddress.TryParse(text, out _)).Select(IPAddress.Parse).ToList();
            var networks = Read(configuration, NetworksKey, "networks in CIDR form", text => System.Net.IPNetwork.TryParse(text, out _)).Select(text => System.Net.IPNetwork.Parse(text)).ToList();
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);

            // The middleware trusts every sender when both lists are empty, so then the header is not read at all.
            options.ForwardedHeaders = proxies.Count + networks.Count > 0 ? ForwardedHeaders.XForwardedFor : ForwardedHeaders.None;
        });
        return services;
    }

    private static string[] Read(IConfiguration configuration, string key, string allowed, Func<string, bool> valid)
    {
        var section = configuration.GetSection(key);
        var texts = section.Value is { } single ? single.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : section.GetChildren().Select(c => c.Value ?? string.Empty).ToArray();
        var invalid = texts.FirstOrDefault(text => !valid(text));
        return invalid is null ? texts : throw Setting.Invalid(key, allowed, invalid);
    }
}
