using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Navixy.Panel.Api.FunctionalTests.Support;
using Navixy.Panel.TestSupport;

namespace Navixy.Panel.Api.FunctionalTests.Reliability;

/// <summary>
/// The service killed (SIGKILL) while it hashes an upload's passwords in the background, then restarted: no user is
/// left unable to sign in, and the restarted service finishes the hashing.
/// </summary>
[TestFixtureSource(typeof(TestProviders), nameof(TestProviders.All))]
public sealed class PendingPasswordKillTests(string provider)
{
    private const int Rows = 200;

    private static async Task<JsonElement> Post(HttpClient client, string path, HttpContent content, string? hash = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (hash is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("NVX", hash);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<long> PendingPasswords(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync("/health")).RootElement.GetProperty("pending_passwords").GetInt64();

    private static Task SignIn(HttpClient client, (string Login, string Password) user) =>
        Post(client, "v2/user/auth", JsonContent.Create(new { login = user.Login, password = user.Password }));

    [Test]
    public async Task KilledDuringBackgroundHashing_EveryUserSignsInAfterRestart_AndTheHashingFinishes()
    {
        using var factory = new PanelApiFactory(provider);
        string[] configuration = [.. factory.ConfigurationArguments, $"--Bootstrap:AdminPassword={PanelApiFactory.AdminPassword}"];
        var users = Enumerable.Range(0, Rows).Select(i => (Login: $"kill{i}-{Guid.NewGuid():N}@example.com", Password: $"Kill-{Guid.NewGuid():N}"[..20])).ToArray();
        var api = await ApiProcess.StartAsync(configuration);
        try
        {
            using (var client = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromMinutes(2) })
            {
                var hash = (await Post(client, "v2/panel/account/auth", JsonContent.Create(new { login = "admin", password = PanelApiFactory.AdminPassword }))).GetProperty("hash").GetString();
                var csv = "login;first_name;last_name;legal_type;password\n" + string.Concat(users.Select(u => $"{u.Login};K;L;individual;{u.Password}\n"));
                var file = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "users.csv" } };
                await Post(client, "v2/panel/user/upload", file, hash);

                // Killed once the hashing has started and before it ends, whatever the machine's speed.
                var watch = Stopwatch.StartNew();
                long pending;
                while ((pending = await PendingPasswords(client)) == Rows)
                {
                    Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromMinutes(2)), "the background hashing never started");
                    await Task.Delay(20);
                }

                api.Kill();
                Assert.That(pending, Is.GreaterThan(0), "the hashing finished before the kill; the file is too small for this machine");
                TestContext.Out.WriteLine($"{provider}: killed with {pending} of {Rows} passwords pending");
            }

            api.Dispose();
            api = await ApiProcess.StartAsync(configuration);
            using var restarted = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
            foreach (var user in users.Take(5).Concat(users.TakeLast(5)))
            {
                await SignIn(restarted, user);
            }

            var resumed = Stopwatch.StartNew();
            while (await PendingPasswords(restarted) > 0)
            {
                Assert.That(resumed.Elapsed, Is.LessThan(TimeSpan.FromMinutes(5)), "the restarted service did not finish the hashing");
                await Task.Delay(200);
            }

            foreach (var user in users)
            {
                await SignIn(restarted, user);
            }
        }
        finally
        {
            api.Dispose();
        }
    }
}
