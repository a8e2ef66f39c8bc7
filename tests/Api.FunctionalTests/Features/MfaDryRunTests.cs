using System.Text.Json;
using Navixy.Panel.Api.FunctionalTests.Support;
using Navixy.Panel.TestSupport;

namespace Navixy.Panel.Api.FunctionalTests.Features;

/// <summary>
/// <c>dry_run</c> on <c>update</c> and <c>default/update</c>: the figures equal what the real change that follows
/// does (read back from the service before and after), and the dry run itself changes no row of any table.
/// </summary>
[TestFixtureSource(typeof(TestProviders), nameof(TestProviders.All))]
public sealed class MfaDryRunTests(string provider) : FunctionalTest(provider)
{
    private const string Update = "panel/user/mfa/settings/update";
    private const string DefaultUpdate = "panel/user/mfa/settings/default/update";
    private static readonly object Allowed = new { type = "allowed", factor_types = new[] { "email" } };
    private static readonly object Disallowed = new { type = "disallowed" };

    [Test]
    public async Task DryRun_FiguresEqualTheRealChangeThatFollows_OverRandomChanges()
    {
        var seed = Environment.TickCount;
        TestContext.Out.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var (_, hash) = await NewDealer();
        for (var i = 0; i < 24; i++)
        {
            var own = random.Next(3) switch { 0 => null, 1 => Allowed, _ => Disallowed };
            await NewUser(hash, ownMfa: own, demo: random.Next(4) == 0);
        }

        for (var step = 0; step < 12; step++)
        {
            var before = await States(hash);
            var settings = random.Next(2) == 0 ? Allowed : Disallowed;
            var kind = random.Next(3);
            var ids = before.Keys.Where(_ => random.Next(3) == 0).Take(100).DefaultIfEmpty(before.Keys.First()).ToArray();
            object parameters = kind switch
            {
                0 => new { settings },
                1 => new { target = new { type = "all" }, settings },
                _ => new { target = new { type = "selected", ids }, settings },
            };
            var action = kind == 0 ? DefaultUpdate : Update;
            var dry = (await Call(action, WithDryRun(parameters, true), hash)).ShouldSucceed();

            (await Call(action, parameters, hash)).ShouldSucceed();
            var after = await States(hash);

            var matched = kind switch
            {
                0 => before.Values.Where(s => s.FollowsDefault).ToArray(),
                1 => before.Values.ToArray(),
                _ => ids.Select(id => before[id]).ToArray(),
            };
            var changed = matched.Count(s => !s.Demo && s.MfaAllowed != after[s.Id].MfaAllowed);
            var context = $"step {step}: {action} {JsonSerializer.Serialize(parameters)}";
            Assert.Multiple(() =>
            {
                Assert.That(dry.Body.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "success", "dry_run", "matched", "changed", "demo" }), context);
                Assert.That(dry["dry_run"].GetBoolean(), Is.True, context);
                Assert.That(dry["matched"].GetInt32(), Is.EqualTo(matched.Length), context);
                Assert.That(dry["changed"].GetInt32(), Is.EqualTo(changed), context);
                Assert.That(dry["demo"].GetInt32(), Is.EqualTo(matched.Count(s => s.Demo)), context);
            });
        }
    }

    [TestCase(Transport.Json)]
    [TestCase(Transport.Form)]
    [TestCase(Transport.Query)]
    public async Task DryRun_InEveryTransport_ChangesNoRowAndNoRead(Transport transport)
    {
        var (_, hash) = await NewDealer();
        var plain = await NewUser(hash);
        var own = await NewUser(hash, ownMfa: Allowed);
        await NewUser(hash, demo: true);
        var reads = await ReadAll(hash);
        var rows = await DatabaseSnapshot.ChecksumAsync(Factory);

        foreach (var (action, parameters) in new (string, object)[]
        {
            (Update, new { target = new { type = "all" }, settings = Allowed, dry_run = true }),
            (Update, new { target = new { type = "all" }, settings = Disallowed, dry_run = true }),
            (Update, new { target = new { type = "selected", ids = new[] { plain.Id, own.Id } }, settings = Disallowed, dry_run = true }),
            (DefaultUpdate, new { settings = Allowed, dry_run = true }),
        })
        {
            var reply = (await Call(action, parameters, hash, transport)).ShouldSucceed();
            Assert.That(reply["dry_run"].GetBoolean(), Is.True);
        }

        Assert.That(await DatabaseSnapshot.ChecksumAsync(Factory), Is.EqualTo(rows), "a dry run wrote to the database");
        Assert.That(await ReadAll(hash), Is.EqualTo(reads));
    }

    [Test]
    public async Task DryRun_Figures_ForAKnownDealer()
    {
        var (_, hash) = await NewDealer();
        var following = await NewUser(hash);
        var on = await NewUser(hash, ownMfa: Allowed);
        await NewUser(hash, ownMfa: Disallowed);
        await NewUser(hash, demo: true);

        var all = (await Call(Update, new { target = new { type = "all" }, settings = Allowed, dry_run = true }, hash)).ShouldSucceed();
        var selected = (await Call(Update, new { target = new { type = "selected", ids = new[] { on.Id, following.Id, on.Id } }, settings = Allowed, dry_run = true }, hash)).ShouldSucceed();
        var byDefault = (await Call(DefaultUpdate, new { settings = Allowed, dry_run = true }, hash)).ShouldSucceed();
        var sameDefault = (await Call(DefaultUpdate, new { settings = Disallowed, dry_run = true }, hash)).ShouldSucceed();

        Assert.Multiple(() =>
        {
            Assert.That(Figures(all), Is.EqualTo((4, 2, 1)), "the follower and the own-disallowed user turn on; the demo user stays exempt");
            Assert.That(Figures(selected), Is.EqualTo((2, 1, 0)), "a repeated id counts once");
            Assert.That(Figures(byDefault), Is.EqualTo((2, 1, 1)), "followers: the plain user and the demo user");
            Assert.That(Figures(sameDefault), Is.EqualTo((2, 0, 1)), "no default and disallowed are the same effective setting");
        });
    }

    [Test]
    public async Task DryRun_RefusesWhatTheUpdateRefuses_WithTheSameErrors()
    {
        var (_, hash) = await NewDealer();
        var (_, otherHash) = await NewDealer();
        var mine = await NewUser(hash);
        var theirs = await NewUser(otherHash);
        var rows = await DatabaseSnapshot.ChecksumAsync(Factory);

        foreach (var (action, parameters) in new (string, Dictionary<string, object?>)[]
        {
            (Update, new() { ["target"] = new { type = "selected", ids = new[] { mine.Id, theirs.Id } }, ["settings"] = Allowed }),
            (Update, new() { ["target"] = new { type = "all", ids = new[] { mine.Id } }, ["settings"] = Allowed }),
            (Update, new() { ["target"] = new { type = "selected", ids = Array.Empty<long>() }, ["settings"] = new { type = "allowed" } }),
            (Update, new() { ["settings"] = Allowed }),
            (DefaultUpdate, new() { ["settings"] = new { type = "allowed", factor_types = new[] { "sms" } } }),
            (DefaultUpdate, new()),
        })
        {
            var real = await Call(action, parameters, hash);
            parameters["dry_run"] = true;
            var dry = await Call(action, parameters, hash);

            Assert.That(real.Success, Is.False, real.Body.ToString());
            dry.ShouldFail(real.Code);
            Assert.That(dry.ErrorParameters, Is.EqualTo(real.ErrorParameters), dry.Body.ToString());
        }

        Assert.That(await DatabaseSnapshot.ChecksumAsync(Factory), Is.EqualTo(rows));
    }

    [Test]
    public async Task DryRunFalse_IsTheUpdate()
    {
        var (_, hash) = await NewDealer();
        var user = await NewUser(hash);

        var reply = (await Call(Update, new { target = new { type = "all" }, settings = Allowed, dry_run = false }, hash)).ShouldSucceed();
        (await Call(DefaultUpdate, new { settings = Allowed, dry_run = false }, hash)).ShouldSucceed();

        Assert.That(reply.Body.TryGetProperty("dry_run", out _), Is.False);
        Assert.That(await MfaAllowed(user.Id, hash), Is.True);
        Assert.That((await Call("panel/user/mfa/settings/default/read", hash: hash)).ShouldSucceed()["value"].GetProperty("type").GetString(), Is.EqualTo("allowed"));
    }

    private static (int, int, int) Figures(ApiResponse reply) => (reply["matched"].GetInt32(), reply["changed"].GetInt32(), reply["demo"].GetInt32());

    private static Dictionary<string, object?> WithDryRun(object parameters, bool dryRun)
    {
        var fields = JsonSerializer.SerializeToElement(parameters).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        fields["dry_run"] = dryRun;
        return fields;
    }

    private async Task<Dictionary<long, UserState>> States(string hash)
    {
        var states = new Dictionary<long, UserState>();
        foreach (var user in (await Call("panel/user/list", new { limit = 1000 }, hash)).ShouldSucceed()["list"].EnumerateArray())
        {
            var id = user.GetProperty("id").GetInt64();
            var read = (await Call("panel/user/read", new { user_id = id }, hash)).ShouldSucceed();
            states[id] = new UserState(id, user.GetProperty("demo").GetBoolean(), user.GetProperty("mfa_allowed").GetBoolean(), read["dealer_mfa_settings"].ValueKind == JsonValueKind.Null);
        }

        return states;
    }

    private async Task<string[]> ReadAll(string hash)
    {
        var list = (await Call("panel/user/list", new { limit = 1000 }, hash)).ShouldSucceed();
        var reads = new List<string> { list.Body.ToString() };
        foreach (var user in list["list"].EnumerateArray())
        {
            reads.Add((await Call("panel/user/read", new { user_id = user.GetProperty("id").GetInt64() }, hash)).ShouldSucceed().Body.ToString());
        }

        reads.Add((await Call("panel/user/mfa/settings/default/read", hash: hash)).ShouldSucceed().Body.ToString());
        return reads.ToArray();
    }

    /// <summary>What a user has before a change: <c>mfa_allowed</c> is its effective setting (only email exists).</summary>
    private sealed record UserState(long Id, bool Demo, bool MfaAllowed, bool FollowsDefault);
}
