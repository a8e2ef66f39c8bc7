using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Navixy.Panel.Api.FunctionalTests.Support;
using Navixy.Panel.Api.Protocol;
using Navixy.Panel.Application.Common.Interfaces;

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

    [Test]
    public async Task UnreachableDatabase_Gives14With503_AndHealthReportsIt()
    {
        var folder = Path.Combine(Path.GetTempPath(), "navixy-fault-" + Guid.NewGuid().ToString("N"));
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Storage:DataDirectory", folder);
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Panel", $"Host=127.0.0.1;Port={Ports.Free()};Username=postgres;Timeout=2");
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
        Assert.That(await health.Content.ReadAsStringAsync(), Does.Contain("unreachable"));
        Directory.Delete(folder, recursive: true);
    }

    [Test]
    public async Task UnexpectedException_Gives6With500AndLeaksNothing()
    {
        var folder = Path.Combine(Path.GetTempPath(), "navixy-fault-" + Guid.NewGuid().ToString("N"));
        var users = new Mock<IUserRepository>();
        users.Setup(u => u.ListMastersAsync(It.IsAny<long>(), It.IsAny<string?>(), It.IsAny<UserOrder>(), It.IsAny<bool>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
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

    [TestCase("Security:SessionCacheSeconds", "five")]
    [TestCase("Security:SessionCacheSeconds", "600")]
    [TestCase("Security:CodeSecret", "c2hvcnQ=")]
    [TestCase("Email:Delivery", "Pigeon")]
    [TestCase("Protocol:MaxBodyBytes", "lots")]
    [TestCase("Protocol:RateLimit:PerSecond", "lots")]
    [TestCase("Protocol:RateLimit:PerSecond", "-1")]
    [TestCase("ForwardedHeaders:KnownProxies", "10.0.0.1, proxy.example")]
    [TestCase("ForwardedHeaders:KnownNetworks", "10.0.0.0/99")]
    [TestCase("Database:Provider", "Oracle")]
    [TestCase("Database:MigrateOnStartup", "maybe")]
    [TestCase("Database:ReadCacheSeconds", "half a minute")]
    [TestCase("Database:ReadCacheSeconds", "-1")]
    public void BadSetting_StopsTheStart_NamingTheSetting(string key, string value)
    {
        var folder = Path.Combine(Path.GetTempPath(), "navixy-fault-" + Guid.NewGuid().ToString("N"));
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Storage:DataDirectory", folder);
            builder.UseSetting(key, value);
        });

        var ex = Assert.Catch(() => factory.CreateClient());

        Assert.That(ex!.ToString(), Does.Contain(key));
        Assert.That(Path.Combine(folder, "panel.db"), Does.Not.Exist, "the start stopped before the database was touched");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
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
