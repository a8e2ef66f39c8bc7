using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Navixy.Panel.TestSupport;

/// <summary>
/// A real SMTP server on loopback (scripts/smtp_sink.py, aiosmtpd) owned by one test: it can be started late or
/// stopped to play a mail server that is down, and with <see cref="StartWithTlsAsync"/> it requires STARTTLS with a
/// throwaway self-signed certificate made here.
/// </summary>
public sealed class SmtpSink : IDisposable
{
    private readonly Process _process;

    private SmtpSink(Process process, int port, string folder, string? certificateSha256)
    {
        _process = process;
        Port = port;
        Folder = folder;
        CertificateSha256 = certificateSha256;
    }

    public int Port { get; }

    /// <summary>Where each received message lands as an <c>.eml</c> file.</summary>
    public string Folder { get; }

    /// <summary>SHA-256 fingerprint (hex) of the sink's certificate; null without TLS.</summary>
    public string? CertificateSha256 { get; }

    /// <summary>A loopback port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static Task<SmtpSink> StartAsync(int? port = null, string? folder = null) =>
        StartAsync(port ?? FreePort(), folder ?? NewFolder(), tls: null);

    /// <summary>A sink that offers STARTTLS with a new self-signed certificate for 127.0.0.1 and refuses mail without it.</summary>
    public static Task<SmtpSink> StartWithTlsAsync()
    {
        var folder = NewFolder();
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var certificatePath = Path.Combine(folder, "sink.crt.pem");
        var keyPath = Path.Combine(folder, "sink.key.pem");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return StartAsync(FreePort(), folder, (certificatePath, keyPath, Convert.ToHexString(SHA256.HashData(certificate.RawData))));
    }

    /// <summary>The messages received so far, as raw text.</summary>
    public IReadOnlyList<string> Messages() =>
        Directory.GetFiles(Folder, "*.eml").Select(File.ReadAllText).ToArray();

    /// <summary>Stops the server (SIGKILL): connections are refused from now on; the received messages stay.</summary>
    public void Stop()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Stop();
        _process.Dispose();
    }

    private static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "navixy-smtp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static async Task<SmtpSink> StartAsync(int port, string folder, (string Certificate, string Key, string Sha256)? tls)
    {
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Script());
        start.ArgumentList.Add("127.0.0.1");
        start.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add(folder);
        if (tls is { } files)
        {
            start.ArgumentList.Add(files.Certificate);
            start.ArgumentList.Add(files.Key);
        }

        var process = Process.Start(start)!;
        var sink = new SmtpSink(process, port, folder, tls?.Sha256);
        // The script prints "ready" once it listens; anything else (a missing aiosmtpd, a taken port) ends it.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line != "ready")
        {
            var error = await process.StandardError.ReadToEndAsync(CancellationToken.None);
            sink.Dispose();
            throw new InvalidOperationException($"the SMTP sink did not start: {error}");
        }

        return sink;
    }

    private static string Script()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Navixy.Panel.sln")))
        {
            root = root.Parent;
        }

        return Path.Combine(root?.FullName ?? throw new InvalidOperationException("repository root not found"), "scripts", "smtp_sink.py");
    }
}
