using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Navixy.Panel.Api.FunctionalTests.Support;
using Navixy.Panel.Api.Management;
using Navixy.Panel.Api.Protocol;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Domain.Mfa;

namespace Navixy.Panel.Api.FunctionalTests.Features;

/// <summary>Failures that are not the client's: an unreachable database and an unexpected exception.</summary>
public sealed class FaultTests
{
    private static async Task<(HttpStatusCode Status, JsonElement Body, string Text)> Post(HttpClient client, string path, string? authorization = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), text);
    }

    /// <summary>A server provider's connection string to a closed local port: the service starts and answers 14.</summary>
    [TestCase("Postgres", "Host=127.0.0.1;Port={0};Username=postgres;Timeout=2")]
    [TestCase("SqlServer", "Server=tcp:127.0.0.1,{0};User ID=sa;Password=x;Connect Timeout=3;Encrypt=false")]
    public async Task UnreachableDatabase_Gives14With503_AndHealthReportsIt(string provider, string connectionString)
    {
        var folder = Path.Combine(Path.GetTempPath(), "navixy-fault-" + Guid.NewGuid().ToString("N"));
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Storage:DataDirectory", folder);
            builder.UseSetting("Database:Provider", provider);
            builder.UseSetting("ConnectionStrings:Panel", string.Format(System.Globalization.CultureInfo.InvariantCulture, connectionString, Ports.Free()));
        });
        using var client = factory.CreateClient();

        var auth = await Post(client, "/v2/panel/account/auth?login=admin&password=whatever");
        var session = await Post(client, "/v2/panel/account/get_permissions", "NVX 22eac1c27af4be7b9d04da2ce1af111b");

        foreach (var (status, body, _) in new[] { auth, session })
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(body.GetProperty("status").GetProperty("code").GetInt32(), Is.EqualTo(14));
        }

        using var health = await client.GetAsync("/health");
        Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        var report = await health.Content.ReadAsStringAsync();
        Assert.That(report, Does.Contain("unreachable"));
        // PostgreSQL pauses the cache until its listener connects; SQL Server, without notifications, has it off.
        Assert.That(report, Does.Contain(provider == "SqlServer" ? "\"read_cache\":\"off\"" : "\"read_cache\":\"paused\""));
        Directory.Delete(folder, recursive: true);
    }

    [Test]
    public async Task UnexpectedException_Gives6With500AndLeaksNothing()
    {
        var folder = Path.Combine(Path.GetTempPath(), "navixy-fault-" + Guid.NewGuid().ToString("N"));
        var users = new Mock<IUserRepository>();
        users.Setup(u => u.ListMastersAsync(It.IsAny<long>(), It.IsAny<string?>(), It.IsAny<bool?>(), It.IsAny<MfaSettings?>(), It.IsAny<UserOrder>(), It.IsAny<bool>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("secret internal detail"));
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Storage:DataDirectory", folder);
            builder.UseSetting("Bootstrap:AdminPassword", PanelApiFactory.AdminPassword);
            builder.ConfigureTestServices(services => services.AddScoped(_ => users.Object));
        });
        using var client = factory.CreateClient();
        var hash = (await Post(client, $"/v2/panel/account/auth?login=admin&password={PanelApiFactory.AdminPassword}")).Body.GetProperty("hash").GetString();

        var (status, body, text) = await Post(client, "/v2/panel/user/list", "NVX " + hash);

        Assert.That(status, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(body.GetProperty("status").GetProperty("code").GetInt32(), Is.EqualTo(6));
        Assert.That(body.GetProperty("status").GetProperty("description").GetString(), Does.Contain("trace"));
        Assert.That(text, Does.Not.Contain("secret internal detail").And.Not.Contain("InvalidOperationException").And.Not.Contain(" at "));
        Directory.Delete(folder, recursive: true);
    }

    [TestCase("Security:SessionCacheSeconds", "--Security:SessionCacheSeconds=five")]
    [TestCase("Security:SessionCacheSeconds", "--Security:SessionCacheSeconds=600")]
    [TestCase("Security:CodeSecret", "--Security:CodeSecret=c2hvcnQ=")]
    [TestCase("Security:CodeSecret", "--Security:CodeSecret=not base64!")]
    [TestCase("Email:Delivery", "--Email:Delivery=Pigeon")]
    [TestCase("Email:Smtp:Host", "--Email:Delivery=Smtp")]
    [TestCase("Email:Smtp:From", "--Email:Delivery=Smtp", "--Email:Smtp:Host=127.0.0.1")]
    [TestCase("Email:Smtp:From", "--Email:Smtp:From=nobody")]
    [TestCase("Email:Smtp:Port", "--Email:Smtp:Port=70000")]
    [TestCase("Protocol:MaxBodyBytes", "--Protocol:MaxBodyBytes=lots")]
    [TestCase("Protocol:MaxBodyBytes", "--Protocol:MaxBodyBytes=-5")]
    [TestCase("Protocol:MaxUploadBytes", "--Protocol:MaxUploadBytes=0")]
    [TestCase("Protocol:RateLimit:PerSecond", "--Protocol:RateLimit:PerSecond=lots")]
    [TestCase("Protocol:RateLimit:PerSecond", "--Protocol:RateLimit:PerSecond=-1")]
    [TestCase("ForwardedHeaders:KnownProxies", "--ForwardedHeaders:KnownProxies=10.0.0.1, proxy.example")]
    [TestCase("ForwardedHeaders:KnownNetworks", "--ForwardedHeaders:KnownNetworks=10.0.0.0/99")]
    [TestCase("Database:Provider", "--Database:Provider=Oracle")]
    [TestCase("ConnectionStrings:Panel", "--Database:Provider=Postgres")]
    [TestCase("ConnectionStrings:Panel", "--ConnectionStrings:Panel=garbage=1")]
    [TestCase("ConnectionStrings:Panel", "--Database:Provider=Postgres", "--ConnectionStrings:Panel=Host=127.0.0.1;Port=abc")]
    [TestCase("Storage:DataDirectory", "--Storage:DataDirectory=/proc/no-such-folder")]
    [TestCase("Database:MigrateOnStartup", "--Database:MigrateOnStartup=maybe")]
    [TestCase("Database:ReadCacheSeconds", "--Database:ReadCacheSeconds=half a minute")]
    [TestCase("Database:ReadCacheSeconds", "--Database:ReadCacheSeconds=-1")]
    [TestCase("Housekeeping:IntervalSeconds", "--Housekeeping:IntervalSeconds=five minutes")]
    [TestCase("Housekeeping:IntervalSeconds", "--Housekeeping:IntervalSeconds=-1")]
    [TestCase("Housekeeping:BatchSize", "--Housekeeping:BatchSize=0")]
    [TestCase("Housekeeping:BatchSize", "--Housekeeping:BatchSize=1e3")]
    [TestCase("Housekeeping:PauseMilliseconds", "--Housekeeping:PauseMilliseconds=lots")]
    [TestCase("urls", "--urls=notaurl")]
    [TestCase("urls", "--urls=http://127.0.0.1:99999")]
    [TestCase("urls", "--urls=ftp://127.0.0.1:5001")]
    [TestCase("urls", "--urls=http://127.0.0.1:abc")]
    [TestCase("urls", "--urls=http://127.0.0.1:")]
    [TestCase("urls", "--urls=http://[::1:5001")]
    [TestCase("urls", "--urls=http://999.1.1.1:5001")]
    [TestCase("urls", "--urls=http://127.0.0.1:5001/base")]
    [TestCase("urls", "--urls=https://127.0.0.1:5001")]
    [TestCase("Logging:LogLevel:Default", "--Logging:LogLevel:Default=Loud")]
    [TestCase("Logging:Console:LogLevel:Microsoft", "--Logging:Console:LogLevel:Microsoft=chatty")]
    [TestCase("Notifications:MfaChanges", "--Notifications:MfaChanges=Some")]
    [TestCase("Notifications:MaxPerSecond", "--Notifications:MaxPerSecond=0")]
    [TestCase("Notifications:MaxPerSecond", "--Notifications:MaxPerSecond=fast")]
    [TestCase("Notifications:LeaseSeconds", "--Notifications:LeaseSeconds=0")]
    [TestCase("Email:Smtp:CertificateThumbprint", "--Email:Smtp:CertificateThumbprint=AB:CD")]
    [TestCase("Audit:RetentionDays", "--Audit:RetentionDays=a year")]
    [TestCase("Audit:RetentionDays", "--Audit:RetentionDays=0")]
    public async Task BadSetting_StopsTheStart_WithOneSentenceAndExitCode2(string named, params string[] settings)
    {
        var folder = Path.Combine(Path.GetTempPath(), "navixy-fault-" + Guid.NewGuid().ToString("N"));

        var (exit, output, error) = await ApiProcess.RunToExitAsync([$"--urls=http://127.0.0.1:{Ports.Free()}", $"--Storage:DataDirectory={folder}", .. settings]);

        Assert.That(exit, Is.EqualTo(2), output + error);
        Assert.That(error.TrimEnd('\n').Split('\n'), Has.Length.EqualTo(1).And.One.StartsWith(named + " "), error);
        Assert.That(output + error, Does.Not.Contain("   at ").And.Not.Contain("Unhandled exception"));
        Assert.That(output, Is.Empty, "no log line before the sentence");
        Assert.That(Path.Combine(folder, "panel.db"), Does.Not.Exist, "the start stopped before the database was touched");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // Port 0 (the system picks one): only the address's form is checked, nothing is bound.
    [TestCase("http://+:0")]
    [TestCase("http://*:0")]
    [TestCase("http://[::]:0")]
    [TestCase("http://[::1]:0")]
    [TestCase("http://localhost:0")]
    [TestCase("http://panel.example.com:0")]
    [TestCase("http://127.0.0.1:0/")]
    [TestCase("http://unix:/tmp/navixy-panel.sock")]
    [TestCase("http://127.0.0.1:0;http://localhost:0")]
    public void AddressesKestrelServes_PassTheCheck(string urls) =>
        Assert.DoesNotThrow(() => ServerUrls.Check(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [ServerUrls.Key] = urls }).Build()));

    [TestCase("127.0.0.1")]
    [TestCase("localhost")]
    public async Task PortInUse_StopsTheStart_WithOneLineNamingTheAddress(string host)
    {
        var folder = Path.Combine(Path.GetTempPath(), "navixy-fault-" + Guid.NewGuid().ToString("N"));
        string address;
        (int Exit, string Output, string Error) second;
        using (var first = await ApiProcess.StartAsync([$"--Storage:DataDirectory={folder}"]))
        {
            address = $"http://{host}:{first.BaseAddress.Port}";
            second = await ApiProcess.RunToExitAsync([$"--urls={address}", $"--Storage:DataDirectory={folder}-second"]);
        }

        Assert.That(second.Exit, Is.EqualTo(2));
        Assert.That(second.Error.TrimEnd('\n').Split('\n'), Has.Length.EqualTo(1).And.One.StartsWith("urls ").And.One.Contain(address).And.One.Contain("--urls"), second.Error);
        Assert.That(second.Output, Is.Empty, "no framework log line, no first-start line: the port is checked before anything starts");
        Assert.That(Path.Combine(folder + "-second", "panel.db"), Does.Not.Exist, "the start stopped before the database was touched");
        foreach (var data in new[] { folder, folder + "-second" }.Where(Directory.Exists))
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Test]
    public async Task FirstStart_SaysWhatItCreated_WithoutTheConfiguredPassword()
    {
        var folder = Path.Combine(Path.GetTempPath(), "navixy-fault-" + Guid.NewGuid().ToString("N"));
        string[] settings = [$"--Storage:DataDirectory={folder}", $"--Bootstrap:AdminPassword={PanelApiFactory.AdminPassword}"];
        List<string> first, second;
        using (var api = await ApiProcess.StartAsync(settings))
        {
            first = [.. api.Output];
        }

        using (var api = await ApiProcess.StartAsync(settings))
        {
            second = [.. api.Output];
        }

        Assert.That(first, Does.Contain("Created dealer 1 and panel account 'admin' with the password set from Bootstrap:AdminPassword."));
        Assert.That(string.Join('\n', first), Does.Not.Contain(PanelApiFactory.AdminPassword));
        Assert.That(second, Has.None.StartsWith("Created dealer"), "the second start creates nothing and says nothing");
        Directory.Delete(folder, recursive: true);
    }

    [TestCase("x")]
    [TestCase("         ")]
    public async Task UnusableAdminPassword_StopsTheFirstStartOnly(string password)
    {
        var folder = Path.Combine(Path.GetTempPath(), "navixy-fault-" + Guid.NewGuid().ToString("N"));
        string[] unusable = [$"--urls=http://127.0.0.1:{Ports.Free()}", $"--Storage:DataDirectory={folder}", $"--Bootstrap:AdminPassword={password}"];

        var (exit, _, error) = await ApiProcess.RunToExitAsync(unusable);
        Assert.That(exit, Is.EqualTo(2), error);
        Assert.That(error.TrimEnd('\n').Split('\n'), Has.Length.EqualTo(1).And.One.StartsWith("Bootstrap:AdminPassword must be 8 to 64 characters"), error);

        List<string> first;
        using (var api = await ApiProcess.StartAsync([$"--Storage:DataDirectory={folder}", $"--Bootstrap:AdminPassword={PanelApiFactory.AdminPassword}"]))
        {
            first = [.. api.Output];
        }

        Assert.That(first, Does.Contain("Created dealer 1 and panel account 'admin' with the password set from Bootstrap:AdminPassword."), "the refused start created nothing");
        // Later starts never read it: a value left in an old deployment's environment stops nothing.
        using (await ApiProcess.StartAsync([$"--Storage:DataDirectory={folder}", $"--Bootstrap:AdminPassword={password}"]))
        {
        }

        Directory.Delete(folder, recursive: true);
    }

    [Test]
    public async Task FirstStart_AfterADealerMadeByCommand_CreatesNothing_AndSaysHowToCreateAnAccount()
    {
        var folder = Path.Combine(Path.GetTempPath(), "navixy-fault-" + Guid.NewGuid().ToString("N"));
        string[] settings = [$"--Storage:DataDirectory={folder}"];
        Assert.That(await ManagementCommand.RunAsync(["dealer", "create", "--name", "Acme", .. settings], TextWriter.Null, TextWriter.Null), Is.Zero);
        List<string> output;
        using (var api = await ApiProcess.StartAsync(settings))
        {
            output = [.. api.Output];
        }

        Assert.That(output, Has.None.StartsWith("Created dealer"));
        Assert.That(string.Join('\n', output), Does.Contain("No panel account exists, so nobody can sign in to the console: create one with dotnet run --project src/Api -- account create"));
        Directory.Delete(folder, recursive: true);
    }

    [Test]
    public void SuccessPayloadThatCannotBeSerialised_LeavesTheResponseUnwritten_ForTheErrorEnvelope()
    {
        var context = new DefaultHttpContext();
        var body = new MemoryStream();
        context.Response.Body = body;

        Assert.CatchAsync(() => NavixyEnvelope.WriteSuccessAsync(context, new Unserialisable()));

        Assert.That(body.Length, Is.Zero, "nothing of the success envelope was written");
    }

    private sealed class Unserialisable
    {
        public string Value => throw new InvalidOperationException("not serialisable");
    }
}
