using System.Net;
using System.Net.Sockets;
using Navixy.Panel.Application.Common.Configuration;
using Navixy.Panel.Application.Common.Exceptions;

namespace Navixy.Panel.Api;

/// <summary>
/// The addresses the service listens on (<c>urls</c>: <c>--urls</c> or <c>ASPNETCORE_URLS</c>, http://localhost:5000 when
/// unset), checked before the database is touched: Kestrel finds a malformed address or a taken port only once it
/// starts, after the migrations and the first-start bootstrap, and stops with a framework log line and a stack trace.
/// </summary>
public static class ServerUrls
{
    public const string Key = "urls";
    private const string Default = "http://localhost:5000";

    /// <summary>Throws an <see cref="InvalidSettingException"/> for an address Kestrel cannot parse or a port already taken.</summary>
    public static void Check(IConfiguration configuration)
    {
        var urls = Setting.Text(configuration, Key);
        // Endpoints of the Kestrel section replace urls, and without urls the ports of http_ports are used: Kestrel's to check.
        if (configuration.GetSection("Kestrel:Endpoints").GetChildren().Any()
            || (urls is null && (Setting.Text(configuration, "http_ports") ?? Setting.Text(configuration, "https_ports")) is not null))
        {
            return;
        }

        foreach (var url in (urls ?? Default).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            foreach (var endpoint in EndPoints(Parse(url)))
            {
                CheckFree(url, endpoint);
            }
        }
    }

    private static BindingAddress Parse(string url)
    {
        try
        {
            var address = BindingAddress.Parse(url);
            if ((address.Scheme.Equals("http", StringComparison.OrdinalIgnoreCase) || address.Scheme.Equals("https", StringComparison.OrdinalIgnoreCase))
                && (address.IsUnixPipe || address.IsNamedPipe || address.Port is >= 0 and <= IPEndPoint.MaxPort))
            {
                return address;
            }
        }
        catch (FormatException)
        {
            // Said below, with the setting's name.
        }

        throw Setting.Invalid(Key, "http:// or https:// addresses with a port from 0 to 65535, separated by ';' (e.g. --urls http://127.0.0.1:5001)", url);
    }

    /// <summary>What Kestrel binds for the address: the IP it names, both loopbacks for localhost, any address for any other host name.</summary>
    private static IEnumerable<IPEndPoint> EndPoints(BindingAddress address)
    {
        if (address.IsUnixPipe || address.IsNamedPipe || address.Port == 0)
        {
            yield break; // no port, or one the system picks
        }

        if (IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip))
        {
            yield return new IPEndPoint(ip, address.Port);
        }
        else if (address.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            yield return new IPEndPoint(IPAddress.Loopback, address.Port);
            if (Socket.OSSupportsIPv6)
            {
                yield return new IPEndPoint(IPAddress.IPv6Loopback, address.Port);
            }
        }
        else
        {
            yield return new IPEndPoint(Socket.OSSupportsIPv6 ? IPAddress.IPv6Any : IPAddress.Any, address.Port);
        }
    }

    private static void CheckFree(string url, IPEndPoint endpoint)
    {
        using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        if (endpoint.Address.Equals(IPAddress.IPv6Any))
        {
            socket.DualMode = true; // as Kestrel binds it, so an IPv4 listener on the port counts too
        }

        try
        {
            socket.Bind(endpoint);
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new InvalidSettingException($"{Key} must name a free port, but {url} is already in use: choose another with --urls, e.g. --urls http://127.0.0.1:5001.");
        }
        catch (SocketException)
        {
            // Anything else (no IPv6 loopback here, a port below 1024): Kestrel decides, as it does without this check.
        }
    }
}
