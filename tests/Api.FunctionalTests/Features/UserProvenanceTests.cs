using System.Globalization;
using System.Text.Json;
using Navixy.Panel.Api.FunctionalTests.Support;
using Navixy.Panel.TestSupport;

namespace Navixy.Panel.Api.FunctionalTests.Features;

/// <summary>
/// <c>mfa_source</c> and <c>mfa_updated_at</c> on read and list, and list's <c>mfa_allowed</c> filter and order, checked
/// against the test's own model of what each user has (never against the service's own answers).
/// </summary>
[TestFixtureSource(typeof(TestProviders), nameof(TestProviders.All))]
public sealed class UserProvenanceTests(string provider) : FunctionalTest(provider)
{
    private const string Password = "User-Passw0rd";
    private static readonly object Allowed = new { type = "allowed", factor_types = new[] { "email" } };
    private static readonly object Disallowed = new { type = "disallowed" };

    [Test]
    public async Task Source_FollowsOwnDefaultNoneAndDemo_InReadAndList()
    {
        var (_, hash) = await NewDealer();
        var plain = await NewUser(hash);
        var own = await NewUser(hash, ownMfa: Disallowed);
        var demo = await NewUser(hash, ownMfa: Allowed, demo: true);
        var demoFollowing = await NewUser(hash, demo: true);

        await AssertSource(hash, plain.Id, "none", mfaAllowed: false);
        await AssertSource(hash, own.Id, "own", mfaAllowed: false);
        await AssertSource(hash, demo.Id, "demo", mfaAllowed: true);
        await AssertSource(hash, demoFollowing.Id, "demo", mfaAllowed: false);

        (await Call("panel/user/mfa/settings/default/update", new { settings = Allowed }, hash)).ShouldSucceed();

        await AssertSource(hash, plain.Id, "default", mfaAllowed: true);
        await AssertSource(hash, own.Id, "own", mfaAllowed: false);
        await AssertSource(hash, demoFollowing.Id, "demo", mfaAllowed: true);
    }

    [Test]
    public async Task SubUser_SharesItsMastersSource_AndIsNeitherReadNorListed()
    {
        var (_, hash) = await NewDealer();
        var master = await NewUser(hash);
        var session = (await Call("user/auth", new { login = master.Login, password = Password })).ShouldSucceed().Hash;
        var subLogin = Unique("sub") + "@example.com";
        var subId = (await Call("subuser/register", new { user = new { login = subLogin, first_name = "Sub", last_name = "User" }, password = Password }, session))
            .ShouldSucceed()["id"].GetInt64();

        (await Call("panel/user/mfa/settings/update", new { target = new { type = "selected", ids = new[] { master.Id } }, settings = Allowed }, hash)).ShouldSucceed();

        await AssertSource(hash, master.Id, "own", mfaAllowed: true);
        (await Call("panel/user/read", new { user_id = subId }, hash)).ShouldFail(201);
        var list = (await Call("panel/user/list", new { mfa_allowed = true }, hash)).ShouldSucceed();
        Assert.That(Ids(list), Is.EqualTo(new[] { master.Id }));
        Assert.That(list["count"].GetInt32(), Is.EqualTo(1));
        // The sub-user has no setting of its own: its sign-in follows the master's.
        Assert.That((await Call("user/auth", new { login = subLogin, password = Password })).ShouldSucceed()["type"].GetString(), Is.EqualTo("second_factor_required"));
    }

    [Test]
    public async Task UpdatedAt_IsSetByEveryPathThatSetsTheOwnSetting_AndByNoOther()
    {
        var (_, hash) = await NewDealer();
        var created = await NewUser(hash, ownMfa: Allowed);
        var createdAt = Now();
        var following = await NewUser(hash);
        var tag = Unique("up");
        (await Upload($"login;first_name;last_name;legal_type;password\n{tag}@example.com;Ann;Lee;individual;Passw0rd1\n", hash)).ShouldSucceed();
        var uploaded = Ids((await Call("panel/user/list", new { filter = tag }, hash)).ShouldSucceed()).Single();

        Assert.That(await UpdatedAt(hash, created.Id), Is.EqualTo(createdAt).Within(TimeSpan.FromSeconds(5)));
        Assert.That(await UpdatedAt(hash, following.Id), Is.Null);
        Assert.That(await UpdatedAt(hash, uploaded), Is.Null, "upload sets no own setting");

        Factory.Clock.Advance(TimeSpan.FromMinutes(10));
        (await Call("panel/user/mfa/settings/update", new { target = new { type = "selected", ids = new[] { following.Id } }, settings = Disallowed }, hash)).ShouldSucceed();
        var selectedAt = Now();
        Assert.That(await UpdatedAt(hash, following.Id), Is.EqualTo(selectedAt).Within(TimeSpan.FromSeconds(5)));
        Assert.That(await UpdatedAt(hash, created.Id), Is.EqualTo(createdAt).Within(TimeSpan.FromSeconds(5)), "not in the selection");

        Factory.Clock.Advance(TimeSpan.FromMinutes(10));
        (await Call("panel/user/mfa/settings/default/update", new { settings = Disallowed }, hash)).ShouldSucceed();
        (await Call("panel/user/mfa/settings/update", new { target = new { type = "all" }, settings = Allowed, dry_run = true }, hash)).ShouldSucceed();
        Assert.That(await UpdatedAt(hash, uploaded), Is.Null, "neither the default nor a dry run sets a user's own setting");

        Factory.Clock.Advance(TimeSpan.FromMinutes(10));
        (await Call("panel/user/mfa/settings/update", new { target = new { type = "all" }, settings = Allowed }, hash)).ShouldSucceed();
        var allAt = Now();
        var list = (await Call("panel/user/list", new { limit = 10 }, hash)).ShouldSucceed()["list"].EnumerateArray().ToArray();
        Assert.That(list, Has.Length.EqualTo(3));
        Assert.That(list.Select(u => Parse(u.GetProperty("mfa_updated_at").GetString()!)), Has.All.EqualTo(allAt).Within(TimeSpan.FromSeconds(5)));
        Assert.That(list.Select(u => u.GetProperty("mfa_updated_at").GetString()), Has.All.Match(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$"));
    }

    [Test]
    public async Task MfaAllowedFilterAndOrder_MatchABruteForceOverRandomUsers_WithFilterAndPaging()
    {
        var seed = Environment.TickCount;
        TestContext.Out.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var (_, hash) = await NewDealer();
        var users = new List<Modelled>();
        string?[] owns = [null, "allowed", "disallowed"];
        string[] lastNames = ["Alpha", "Bravo", "Alphonse", "Charlie"];
        for (var i = 0; i < 36; i++)
        {
            var own = owns[random.Next(owns.Length)];
            var demo = random.Next(4) == 0;
            var lastName = lastNames[random.Next(lastNames.Length)];
            users.Add(new Modelled(await CreateUser(hash, lastName, own, demo), own, demo));
        }

        // A sub-user is never listed, whatever its account's setting.
        var master = users.First(u => u.Own != "allowed" && !u.Demo);
        var session = (await Call("user/auth", new { login = master.Login, password = Password })).ShouldSucceed().Hash;
        (await Call("subuser/register", new { user = new { login = Unique("sub") + "@example.com", first_name = "Alpha", last_name = "Alpha" }, password = Password }, session)).ShouldSucceed();

        var everyone = (await Call("panel/user/list", new { limit = 1000 }, hash)).ShouldSucceed()["list"].EnumerateArray().ToArray();
        Assert.That(everyone.Select(u => u.GetProperty("id").GetInt64()), Is.EquivalentTo(users.Select(u => u.Id)));
        var someId = users[random.Next(users.Count)].Id.ToString(CultureInfo.InvariantCulture);

        foreach (var dealerDefault in new[] { null, "allowed", "disallowed" })
        {
            if (dealerDefault is not null)
            {
                (await Call("panel/user/mfa/settings/default/update", new { settings = dealerDefault == "allowed" ? Allowed : Disallowed }, hash)).ShouldSucceed();
            }

            foreach (var filter in new[] { null, "alph", "al", someId })
            {
                var matching = users.Where(u => filter is null || FilterMatches(everyone.Single(e => e.GetProperty("id").GetInt64() == u.Id), filter)).ToArray();
                foreach (var wanted in new bool?[] { null, true, false })
                {
                    var expected = matching.Where(u => wanted is null || u.Enforced(dealerDefault) == wanted).ToArray();
                    foreach (var ascending in new[] { true, false })
                    {
                        var byId = ascending ? expected.OrderBy(u => u.Id) : expected.OrderByDescending(u => u.Id);
                        await AssertPages(hash, filter, wanted, "id", ascending, byId.Select(u => u.Id).ToArray(), $"default {dealerDefault}");
                        var byMfa = ascending
                            ? expected.OrderBy(u => u.Enforced(dealerDefault)).ThenBy(u => u.Id)
                            : expected.OrderByDescending(u => u.Enforced(dealerDefault)).ThenByDescending(u => u.Id);
                        await AssertPages(hash, filter, wanted, "mfa_allowed", ascending, byMfa.Select(u => u.Id).ToArray(), $"default {dealerDefault}");
                    }
                }
            }
        }
    }

    [TestCase(Transport.Form)]
    [TestCase(Transport.Query)]
    public async Task MfaAllowedFilter_IsReadFromFormAndQueryText(Transport transport)
    {
        var (_, hash) = await NewDealer();
        var on = await NewUser(hash, ownMfa: Allowed);
        var off = await NewUser(hash);

        var enforced = (await Call("panel/user/list", new { mfa_allowed = "true" }, hash, transport)).ShouldSucceed();
        var exempt = (await Call("panel/user/list", new { mfa_allowed = "false", order_by = "mfa_allowed" }, hash, transport)).ShouldSucceed();

        Assert.That(Ids(enforced), Is.EqualTo(new[] { on.Id }));
        Assert.That(Ids(exempt), Is.EqualTo(new[] { off.Id }));
    }

    private async Task AssertPages(string hash, string? filter, bool? wanted, string orderBy, bool ascending, long[] expected, string context)
    {
        const int Limit = 7;
        var seen = new List<long>();
        for (var offset = 0; offset <= expected.Length; offset += Limit)
        {
            var page = (await Call("panel/user/list", new { filter, mfa_allowed = wanted, order_by = orderBy, ascending, offset, limit = Limit }, hash)).ShouldSucceed();
            Assert.That(page["count"].GetInt32(), Is.EqualTo(expected.Length), $"{context}, filter {filter}, mfa_allowed {wanted}, offset {offset}");
            seen.AddRange(Ids(page));
        }

        Assert.That(seen, Is.EqualTo(expected), $"{context}, filter {filter}, mfa_allowed {wanted}, order {orderBy} {(ascending ? "asc" : "desc")}");
    }

    private async Task AssertSource(string hash, long id, string source, bool mfaAllowed)
    {
        var read = (await Call("panel/user/read", new { user_id = id }, hash)).ShouldSucceed()["value"];
        var listed = (await Call("panel/user/list", new { filter = id.ToString(CultureInfo.InvariantCulture), limit = 1000 }, hash)).ShouldSucceed()["list"]
            .EnumerateArray().Single(u => u.GetProperty("id").GetInt64() == id);
        foreach (var user in new[] { read, listed })
        {
            Assert.That(user.GetProperty("mfa_source").GetString(), Is.EqualTo(source), user.ToString());
            Assert.That(user.GetProperty("mfa_allowed").GetBoolean(), Is.EqualTo(mfaAllowed), user.ToString());
            Assert.That(user.GetProperty("mfa_updated_at").ValueKind, Is.EqualTo(JsonValueKind.String).Or.EqualTo(JsonValueKind.Null));
        }
    }

    private async Task<DateTime?> UpdatedAt(string hash, long id)
    {
        var value = (await Call("panel/user/read", new { user_id = id }, hash)).ShouldSucceed()["value"].GetProperty("mfa_updated_at");
        return value.ValueKind == JsonValueKind.Null ? null : Parse(value.GetString()!);
    }

    private async Task<(long Id, string Login)> CreateUser(string hash, string lastName, string? own, bool demo)
    {
        var login = Unique("p") + "@example.com";
        var user = new Dictionary<string, object?> { ["login"] = login, ["first_name"] = "Test", ["last_name"] = lastName, ["legal_type"] = "individual", ["demo"] = demo };
        if (own is not null)
        {
            user["dealer_mfa_settings"] = own == "allowed" ? Allowed : Disallowed;
        }

        var id = (await Call("panel/user/create", new { user, password = Password, locale = "en_US", time_zone = "UTC" }, hash)).ShouldSucceed()["id"].GetInt64();
        return (id, login);
    }

    // The documented search condition, applied to the fields the list shows.
    private static bool FilterMatches(JsonElement user, string filter)
    {
        var text = filter.Trim().ToLowerInvariant();
        string Field(string name) => user.GetProperty(name).GetString()!.ToLowerInvariant();
        return user.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture) == text
            || new[] { "login", "first_name", "middle_name", "last_name", "legal_name", "phone" }.Any(f => Field(f).Contains(text, StringComparison.Ordinal));
    }

    private static long[] Ids(ApiResponse list) => list["list"].EnumerateArray().Select(u => u.GetProperty("id").GetInt64()).ToArray();

    private DateTime Now() => Factory.Clock.GetUtcNow().UtcDateTime;

    private static DateTime Parse(string text) => DateTime.ParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>A user as the test created it; <see cref="Enforced"/> is the documented rule, computed here.</summary>
    private sealed record Modelled((long Id, string Login) Created, string? Own, bool Demo)
    {
        public long Id => Created.Id;

        public string Login => Created.Login;

        public bool Enforced(string? dealerDefault) => !Demo && (Own ?? dealerDefault) == "allowed";
    }
}
