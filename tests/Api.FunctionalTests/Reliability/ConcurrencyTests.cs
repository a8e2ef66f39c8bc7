using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Navixy.Panel.Api.FunctionalTests.Support;
using Navixy.Panel.TestSupport;

namespace Navixy.Panel.Api.FunctionalTests.Reliability;

/// <summary>
/// 64 clients mixing bulk and selected updates, default updates, reads and logins for 20 seconds
/// (NAVIXY_TEST_CONCURRENCY_SECONDS): every request is answered without a 5xx or an error, nothing deadlocks,
/// and each user's final setting is the value of a write that may have committed last.
/// </summary>
[TestFixtureSource(typeof(TestProviders), nameof(TestProviders.All))]
public sealed class ConcurrencyTests(string provider) : FunctionalTest(provider)
{
    private const int Clients = 64;
    private const int UserCount = 40;
    private const string Password = "User-Passw0rd";

    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("NAVIXY_TEST_CONCURRENCY_SECONDS"), out var seconds) ? seconds : 20);

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    /// <summary>A successful write: which users it set (null for all), to what, and when it was in flight.</summary>
    private sealed record Write(long[]? Users, bool Allowed, long Started, long Finished);

    /// <summary>
    /// Six files naming one new login, uploaded at once: each passes the check for taken logins before any commits,
    /// so the unique index decides. One imports; the others answer 206 (login in use) and import nothing, never a 500.
    /// </summary>
    [Test]
    public async Task ParallelUploads_OfOneLogin_OneImports_TheOthersGet206()
    {
        var (_, panel) = await NewDealer();
        var shared = Unique("same") + "@example.com";
        var files = Enumerable.Range(0, 6).Select(f =>
        {
            var rows = Enumerable.Range(0, 3).Select(r => $"{Unique($"f{f}r{r}-")}@example.com;Ann;Lee;individual;Passw0rd{r}");
            return $"login;first_name;last_name;legal_type;password\n{shared};Bo;Ng;individual;Passw0rd9\n{string.Join("\n", rows)}\n";
        }).ToArray();

        var replies = await Task.WhenAll(files.Select(file => Upload(file, panel)));

        Assert.That(replies.Count(r => r.Success), Is.EqualTo(1), string.Join("\n", replies.Select(r => r.Body.ToString())));
        Assert.That(replies.Where(r => !r.Success).Select(r => r.Code), Is.All.EqualTo(206));
        var imported = (await Call("panel/user/list", new { filter = "@example.com" }, panel)).ShouldSucceed();
        Assert.That(imported["count"].GetInt32(), Is.EqualTo(4), "the shared login and the winning file's three others");
    }

    [Test]
    public async Task SixtyFourClients_MixedLoad_NoErrorNoLostUpdate()
    {
        var (_, panel) = await NewDealer();
        var users = new List<(long Id, string Login)>();
        for (var i = 0; i < UserCount; i++)
        {
            users.Add(await NewUser(panel, password: Password));
        }

        var clock = Stopwatch.StartNew();
        var userWrites = new ConcurrentBag<Write>();
        var defaultWrites = new ConcurrentBag<Write>();
        var failures = new ConcurrentQueue<string>();
        var counts = new ConcurrentDictionary<string, int>();
        var deadline = Duration;

        async Task Client(int seed)
        {
            var random = new Random(seed);
            while (clock.Elapsed < deadline)
            {
                var allowed = random.Next(2) == 0;
                object settings = allowed ? new { type = "allowed", factor_types = new[] { "email" } } : new { type = "disallowed" };
                var ids = Pick(random, users, random.Next(1, 8));
                var roll = random.Next(100);
                var (kind, action, parameters, hash) = roll switch
                {
                    < 15 => ("update all", "panel/user/mfa/settings/update", (object?)new { target = new { type = "all" }, settings }, panel),
                    < 40 => ("update selected", "panel/user/mfa/settings/update", new { target = new { type = "selected", ids }, settings }, panel),
                    < 48 => ("default update", "panel/user/mfa/settings/default/update", new { settings }, panel),
                    < 62 => ("user read", "panel/user/read", new { user_id = users[random.Next(users.Count)].Id }, panel),
                    < 70 => ("list", "panel/user/list", new { limit = 20, filter = "example" }, panel),
                    < 80 => ("default read", "panel/user/mfa/settings/default/read", null, panel),
                    _ => ("login", "user/auth", new { login = users[random.Next(users.Count)].Login, password = Password }, null),
                };

                var started = clock.ElapsedTicks;
                var (status, text) = await Post(action, parameters, hash);
                var finished = clock.ElapsedTicks;
                if (kind == "login" && status == 429 && text.Contains("\"code\":15", StringComparison.Ordinal))
                {
                    // The user's code mails are at their cap (five per 15 minutes): the expected answer of a login then.
                    kind = "login capped";
                }

                counts.AddOrUpdate(kind, 1, (_, n) => n + 1);
                if (kind == "login capped")
                {
                    continue;
                }

                if (status >= 500 || !text.StartsWith("{\"success\":true", StringComparison.Ordinal))
                {
                    failures.Enqueue($"{kind}: HTTP {status} {text}");
                    continue;
                }

                if (kind.StartsWith("update", StringComparison.Ordinal))
                {
                    userWrites.Add(new Write(kind == "update all" ? null : ids, allowed, started, finished));
                }
                else if (kind == "default update")
                {
                    defaultWrites.Add(new Write(null, allowed, started, finished));
                }
            }
        }

        var all = Task.WhenAll(Enumerable.Range(1, Clients).Select(i => Task.Run(() => Client(i))));
        var finishedInTime = await Task.WhenAny(all, Task.Delay(Duration + RequestTimeout + RequestTimeout)) == all;
        Assert.That(finishedInTime, Is.True, "some request was never answered");
        await all;

        var total = counts.Values.Sum();
        TestContext.Out.WriteLine($"{Factory.Provider}: {total} requests in {Duration.TotalSeconds} s with {Clients} clients: {string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}"))}");
        Assert.That(failures, Is.Empty, $"{failures.Count} of {total} requests failed, e.g. {failures.FirstOrDefault()}; log: {string.Join("\n", Factory.Log.Entries.Where(e => e.Contains("Exception", StringComparison.Ordinal)).Take(2))}");
        Assert.That(userWrites, Is.Not.Empty);

        foreach (var (id, _) in users)
        {
            var own = (await Call("panel/user/read", new { user_id = id }, panel)).ShouldSucceed()["dealer_mfa_settings"];
            var finalAllowed = own.GetProperty("type").GetString() == "allowed";
            var candidates = PossiblyLast(userWrites.Where(w => w.Users is null || w.Users.Contains(id)).ToArray());
            Assert.That(candidates.Select(w => w.Allowed), Does.Contain(finalAllowed), $"user {id}: the final setting is no write that may have committed last");
        }

        var finalDefault = (await Call("panel/user/mfa/settings/default/read", null, panel)).ShouldSucceed()["value"].GetProperty("type").GetString() == "allowed";
        Assert.That(PossiblyLast([.. defaultWrites]).Select(w => w.Allowed), Does.Contain(finalDefault), "dealer default");
    }

    /// <summary>Writes no other write began after the end of: any of them may be the one that committed last.</summary>
    private static Write[] PossiblyLast(Write[] writes) =>
        writes.Where(w => !writes.Any(other => other.Started > w.Finished)).ToArray();

    private static long[] Pick(Random random, List<(long Id, string Login)> users, int count) =>
        users.OrderBy(_ => random.Next()).Take(count).Select(u => u.Id).ToArray();

    private async Task<(int Status, string Text)> Post(string action, object? parameters, string? hash)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v2/" + action)
        {
            Content = new StringContent(JsonSerializer.Serialize(parameters ?? new { }), Encoding.UTF8, "application/json"),
        };
        if (hash is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("NVX", hash);
        }

        using var timeout = new CancellationTokenSource(RequestTimeout);
        try
        {
            using var response = await Client.SendAsync(request, timeout.Token);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(timeout.Token));
        }
        catch (OperationCanceledException)
        {
            return (0, $"no answer within {RequestTimeout.TotalSeconds} s");
        }
    }
}
