using System.Net;
using System.Net.Sockets;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Infrastructure.Email;
using Navixy.Panel.TestSupport;

namespace Navixy.Panel.Infrastructure.IntegrationTests.Email;

/// <summary>
/// The email adapters against real receivers: the pickup folder, and an SMTP server process on loopback
/// started by scripts/test.sh (NAVIXY_TEST_SMTP_PORT, delivering into NAVIXY_TEST_SMTP_DIR).
/// </summary>
public sealed class EmailSenderTests
{
    private static readonly EmailMessage Message = new("jane@example.com", "Your login code", "Your login code is 493027\n\nIt is valid for 5 minutes.");

    [Test]
    public async Task Pickup_WritesOneReadableEmlFilePerMessage()
    {
        var folder = Path.Combine(Path.GetTempPath(), "navixy-pickup-" + Guid.NewGuid().ToString("N"));
        try
        {
            await new PickupEmailSender(folder, "no-reply@panel.test").SendAsync(Message, CancellationToken.None);

            var file = Directory.GetFiles(folder, "*.eml").Single();
            var text = await File.ReadAllTextAsync(file);
            Assert.That(text, Does.Contain("To: jane@example.com").And.Contain("From: no-reply@panel.test").And.Contain("Subject: Your login code").And.Contain("Your login code is 493027"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task Smtp_DeliversMessageToRealServer()
    {
        var port = Environment.GetEnvironmentVariable("NAVIXY_TEST_SMTP_PORT");
        var folder = Environment.GetEnvironmentVariable("NAVIXY_TEST_SMTP_DIR");
        if (string.IsNullOrEmpty(port) || string.IsNullOrEmpty(folder))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail("NAVIXY_TEST_SMTP_PORT/NAVIXY_TEST_SMTP_DIR are not set: run the tests through scripts/test.sh");
            }

            Assert.Ignore("No test SMTP server: run the tests through scripts/test.sh");
        }

        var recipient = $"smtp-{Guid.NewGuid():N}@example.com";
        var sender = new SmtpEmailSender(new SmtpOptions { Host = "127.0.0.1", Port = int.Parse(port, System.Globalization.CultureInfo.InvariantCulture), From = "no-reply@panel.test" });

        await sender.SendAsync(Message with { To = recipient }, CancellationToken.None);

        string? delivered = null;
        for (var attempt = 0; attempt < 50 && delivered is null; attempt++)
        {
            foreach (var file in Directory.GetFiles(folder, "*.eml"))
            {
                var text = await File.ReadAllTextAsync(file);
                if (text.Contains(recipient, StringComparison.Ordinal))
                {
                    delivered = text;
                }
            }

            if (delivered is null)
            {
                await Task.Delay(100);
            }
        }

        Assert.That(delivered, Is.Not.Null, "the SMTP server never received the message");
        Assert.That(delivered, Does.Contain("Subject: Your login code").And.Contain("Your login code is 493027").And.Contain("From: no-reply@panel.test"));
    }

    [Test]
    public async Task Pickup_WithHtmlBody_WritesTextAndHtmlAlternatives()
    {
        var folder = Path.Combine(Path.GetTempPath(), "navixy-pickup-" + Guid.NewGuid().ToString("N"));
        try
        {
            var message = new EmailMessage("jane@example.com", "Notice", "Plain words", "<p>Marked-up words</p>");
            await new PickupEmailSender(folder, "no-reply@panel.test").SendAsync(message, CancellationToken.None);

            var text = await File.ReadAllTextAsync(Directory.GetFiles(folder, "*.eml").Single());
            Assert.That(text, Does.Contain("multipart/alternative").And.Contain("text/plain").And.Contain("text/html")
                .And.Contain("Plain words").And.Contain("<p>Marked-up words</p>"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task Smtp_WithStartTls_DeliversToServerWhoseCertificateIsPinned()
    {
        using var sink = await SmtpSink.StartWithTlsAsync();
        var sender = new SmtpEmailSender(TlsOptions(sink, sink.CertificateSha256));

        await sender.SendAsync(Message with { To = "tls@example.com" }, CancellationToken.None);

        // The sink refuses MAIL before STARTTLS, so a delivered message went over TLS.
        Assert.That(sink.Messages().Single(), Does.Contain("To: tls@example.com").And.Contain("Your login code is 493027"));
    }

    [Test]
    public async Task Smtp_WithStartTls_RefusesSelfSignedCertificateThatIsNotPinned()
    {
        using var sink = await SmtpSink.StartWithTlsAsync();
        var sender = new SmtpEmailSender(TlsOptions(sink, pinned: null));

        var failure = Assert.ThrowsAsync<EmailDeliveryException>(() => sender.SendAsync(Message, CancellationToken.None));

        Assert.That(failure!.Message, Does.Not.Contain("493027"), "a failure names the reason, never the message");
        Assert.That(sink.Messages(), Is.Empty);
    }

    [Test]
    public async Task Smtp_WithoutTls_IsRefusedByServerThatRequiresStartTls_AndTheLogLineCarriesTheAnswer()
    {
        using var sink = await SmtpSink.StartWithTlsAsync();
        var sender = new SmtpEmailSender(TlsOptions(sink, sink.CertificateSha256, enableSsl: false));

        var failure = Assert.ThrowsAsync<EmailDeliveryException>(() => sender.SendAsync(Message, CancellationToken.None));

        Assert.That(failure!.Message, Does.Contain("STARTTLS").And.Not.Contain("493027"));
        Assert.That(failure.Permanent, Is.False);
    }

    [Test]
    public async Task Smtp_WhenServerRefusesTheRecipient_FailsForGood_AndWhenItIsDown_NotForGood()
    {
        using var sink = await SmtpSink.StartAsync();
        var sender = new SmtpEmailSender(new SmtpOptions { Host = "127.0.0.1", Port = sink.Port, From = "no-reply@panel.test", TimeoutMilliseconds = 5000 });

        var refused = Assert.ThrowsAsync<EmailDeliveryException>(() => sender.SendAsync(Message with { To = "refused-jane@example.com" }, CancellationToken.None));
        sink.Stop();
        var down = Assert.ThrowsAsync<EmailDeliveryException>(() => sender.SendAsync(Message, CancellationToken.None));

        Assert.That(refused!.Permanent, Is.True, refused.Message);
        Assert.That(refused.Message, Does.Contain("550").And.Not.Contain("493027"));
        Assert.That(down!.Permanent, Is.False, down.Message);
    }

    [Test]
    public void Smtp_WhenServerUnreachable_ThrowsEmailDeliveryException()
    {
        // A port that was just free: nothing listens there.
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var sender = new SmtpEmailSender(new SmtpOptions { Host = "127.0.0.1", Port = port, TimeoutMilliseconds = 3000 });

        Assert.ThrowsAsync<EmailDeliveryException>(() => sender.SendAsync(Message, CancellationToken.None));
    }

    private static SmtpOptions TlsOptions(SmtpSink sink, string? pinned, bool enableSsl = true) => new()
    {
        Host = "127.0.0.1",
        Port = sink.Port,
        EnableSsl = enableSsl,
        From = "no-reply@panel.test",
        CertificateThumbprint = pinned,
        TimeoutMilliseconds = 10_000,
    };
}
