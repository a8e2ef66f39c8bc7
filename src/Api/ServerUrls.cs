using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
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

    // The extension by which ASP.NET Core marks the certificate dotnet dev-certs creates.
    private const string DevelopmentCertificateOid = "1.3.6.1.4.1.311.84.1.1";

    /// <summary>Throws an <see cref="InvalidSettingException"/> for an address Kestrel cannot serve or a port already taken.</summary>
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
            foreach (var endpoint in EndPoints(Parse(url, configuration)))
            {
                CheckFree(url, endpoint);
            }
        }
    }

    private static BindingAddress Parse(string url, IConfiguration configuration)
    {
        try
        {
            var address = BindingAddress.Parse(url);
            var https = address.Scheme.Equals("https", StringComparison.OrdinalIgnoreCase);
            // BindingAddress reads what it cannot parse as a host on port 80 (http://127.0.0.1:abc), which Kestrel then
            // binds on every interface; a path base Kestrel refuses only when it starts.
            if ((https || address.Scheme.Equals("http", StringComparison.OrdinalIgnoreCase))
                && (address.IsUnixPipe || address.IsNamedPipe || (IsHost(address.Host) && address.Port is >= 0 and <= IPEndPoint.MaxPort && address.PathBase.Length == 0)))
            {
                if (https && !HasCertificate(configuration))
                {
                    throw Setting.Invalid(Key, "an http:// address, or https:// once a certificate is set (Kestrel:Certificates:Default:Path with :Password or :KeyPath, or a development one from dotnet dev-certs https)", url);
                }

                return address;
            }
        }
        catch (FormatException)
        {
            // Said below, with the setting's name.
        }

        throw Setting.Invalid(Key, "http:// or https:// addresses of a host (an IP address, localhost, a name, * or +) and a port from 0 to 65535, without a path, separated by ';' (e.g. --urls http://127.0.0.1:5001)", url);
    }

    private static bool IsHost(string host) =>
        host is "*" or "+"
        || (host.StartsWith('[') && host.EndsWith(']') && IPAddress.TryParse(host[1..^1], out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6)
        || (host.All(c => char.IsAsciiDigit(c) || c == '.')
            ? host.Count(c => c == '.') == 3 && IPAddress.TryParse(host, out _) // not 999.1.1.1, nor the short forms 1.2
            : Uri.CheckHostName(host) == UriHostNameType.Dns);

    /// <summary>A certificate in Kestrel's settings (its default, or the development one it loads by password), or the development certificate of the user's store.</summary>
    private static bool HasCertificate(IConfiguration configuration)
    {
        var configured = configuration.GetSection("Kestrel:Certificates:Default");
        if (configured["Path"] is { Length: > 0 } || configured["Subject"] is { Length: > 0 }
            || configuration["Kestrel:Certificates:Development:Password"] is { Length: > 0 })
        {
            return true;
        }

        using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
        try
        {
            store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
        }
        catch (CryptographicException)
        {
            return false; // no certificate store for this user at all
        }

        var now = DateTime.Now;
        return store.Certificates.Any(c => c.Extensions[DevelopmentCertificateOid] is not null && c.HasPrivateKey && c.NotBefore <= now && now <= c.NotAfter);
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
