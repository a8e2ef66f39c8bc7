using System.Net;
using Navixy.Panel.Api.FunctionalTests.Support;
using Navixy.Panel.TestSupport;

namespace Navixy.Panel.Api.FunctionalTests.Reliability;

/// <summary>
/// Who may do what, action by action: one dealer never reaches another's users, every protected action checks its
/// permission, panel and user hashes are never interchangeable, and dead hashes are refused everywhere.
/// </summary>
[TestFixtureSource(typeof(TestProviders), nameof(TestProviders.All))]
public sealed class IsolationMatrixTests(string provider) : FunctionalTest(provider)
{
    private const string Csv = "login;first_name;last_name;legal_type;password\n";

    /// <summary>Every panel action with the permission it needs and parameters that would be valid for it.</summary>
    private static readonly (string Action, string? Permission, Func<object?> Parameters)[] PanelActions =
    [
        ("panel/account/get_permissions", null, () => null),
        ("panel/account/logout", null, () => null),
        ("panel/user/mfa/settings/update", "users:update", () => new { target = new { type = "all" }, settings = new { type = "disallowed" } }),
        ("panel/user/mfa/settings/default/read", "users:read", () => null),
        ("panel/user/mfa/settings/default/update", "users:update", () => new { settings = new { type = "disallowed" } }),
        ("panel/user/create", "users:create", () => new { user = NewUserFields(), password = "Passw0rd!", locale = "en_US", time_zone = "UTC" }),
        ("panel/user/read", "users:read", () => new { user_id = 1 }),
        ("panel/user/list", "users:read", () => null),
        ("panel/user/list", "users:read", () => new { mfa_allowed = true, order_by = "mfa_allowed" }),
        ("panel/user/mfa/settings/update", "users:update", () => new { target = new { type = "all" }, settings = new { type = "allowed", factor_types = new[] { "email" } }, dry_run = true }),
        ("panel/user/mfa/settings/default/update", "users:update", () => new { settings = new { type = "allowed", factor_types = new[] { "email" } }, dry_run = true }),
        ("panel/user/upload", "users:create", () => new { file = Csv + $"up{Guid.NewGuid():N}@example.com;A;B;individual;Passw0rd1\n" }),
        ("panel/audit/list", "audit:read", () => new { limit = 10 }),
    ];

    private static readonly (string Action, bool SecondFactor, Func<object?> Parameters)[] UserActions =
    [
        ("user/auth/code/verify", true, () => new { code = "000000" }),
        ("user/auth/code/resend", true, () => null),
        ("user/get_info", false, () => null),
        ("user/logout", false, () => null),
        ("subuser/register", false, () => new { user = new { login = $"sub{Guid.NewGuid():N}@example.com", first_name = "S", last_name = "U" }, password = "Passw0rd!" }),
    ];

    private static object NewUserFields() => new { login = $"iso{Guid.NewGuid():N}@example.com", first_name = "I", last_name = "S", legal_type = "individual" };

    /// <summary>The rows of one dealer: its dealer row, its users (with their own settings) and its panel accounts.</summary>
    private async Task<string> RowsOf(long dealerId)
    {
        var dump = await DatabaseSnapshot.DumpAsync(Factory);
        var table = string.Empty;
        var rows = new List<string>();
        foreach (var line in dump.Split('\n'))
        {
            if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                table = line[2..];
                continue;
            }

            var cells = line.Split('|');
            if ((table == "dealers" && cells.Contains($"id={dealerId}")) || cells.Contains($"dealer_id={dealerId}"))
            {
                rows.Add(table + ": " + line);
            }
        }

        Assert.That(rows, Is.Not.Empty);
        return string.Join('\n', rows);
    }

    private async Task<(long DealerId, string Hash, long[] Users)> DealerWithUsers()
    {
        var (dealerId, hash) = await NewDealer();
        var users = new[]
        {
            (await NewUser(hash)).Id,
            (await NewUser(hash, ownMfa: new { type = "allowed", factor_types = new[] { "email" } })).Id,
        };
        (await Call("panel/user/mfa/settings/default/update", new { settings = new { type = "allowed", factor_types = new[] { "email" } } }, hash)).ShouldSucceed();
        return (dealerId, hash, users);
    }

    [Test]
    public async Task DealerA_NamingDealerBsUsers_Gets201_AndBIsUnchanged()
    {
        var a = await DealerWithUsers();
        var b = await DealerWithUsers();
        var before = await DatabaseSnapshot.ChecksumAsync(Factory);

        foreach (var id in b.Users)
        {
            (await Call("panel/user/read", new { user_id = id }, a.Hash)).ShouldFail(201);
            (await Call("panel/user/mfa/settings/update", new { target = new { type = "selected", ids = new[] { id } }, settings = new { type = "disallowed" } }, a.Hash)).ShouldFail(201);
            (await Call("panel/user/mfa/settings/update", new { target = new { type = "selected", ids = new[] { a.Users[0], id } }, settings = new { type = "disallowed" } }, a.Hash)).ShouldFail(201);
            (await Call("panel/user/mfa/settings/update", new { target = new { type = "selected", ids = new[] { a.Users[0], id } }, settings = new { type = "disallowed" }, dry_run = true }, a.Hash)).ShouldFail(201);
        }

        Assert.That(await DatabaseSnapshot.ChecksumAsync(Factory), Is.EqualTo(before), "a refused request changed the database");
    }

    [Test]
    public async Task EveryActionOfDealerA_ActsOnlyOnA()
    {
        var a = await DealerWithUsers();
        var b = await DealerWithUsers();
        var rowsOfB = await RowsOf(b.DealerId);
        var dryRun = (await Call("panel/user/mfa/settings/update", new { target = new { type = "all" }, settings = new { type = "disallowed" }, dry_run = true }, a.Hash)).ShouldSucceed();
        var enforced = (await Call("panel/user/list", new { mfa_allowed = true }, a.Hash)).ShouldSucceed();

        (await Call("panel/user/mfa/settings/update", new { target = new { type = "all" }, settings = new { type = "disallowed" } }, a.Hash)).ShouldSucceed();
        (await Call("panel/user/mfa/settings/default/update", new { settings = new { type = "disallowed" } }, a.Hash)).ShouldSucceed();
        var created = (await Call("panel/user/create", new { user = NewUserFields(), password = "Passw0rd!", locale = "en_US", time_zone = "UTC" }, a.Hash)).ShouldSucceed()["id"].GetInt64();
        (await Upload(Csv + $"up{Guid.NewGuid():N}@example.com;A;B;individual;Passw0rd1\n", a.Hash)).ShouldSucceed();
        var list = (await Call("panel/user/list", new { limit = 1000 }, a.Hash)).ShouldSucceed();
        var defaultOfA = (await Call("panel/user/mfa/settings/default/read", null, a.Hash)).ShouldSucceed()["value"];
        var defaultOfB = (await Call("panel/user/mfa/settings/default/read", null, b.Hash)).ShouldSucceed()["value"];
        (await Call("panel/account/logout", null, a.Hash)).ShouldSucceed();

        Assert.Multiple(async () =>
        {
            Assert.That(await RowsOf(b.DealerId), Is.EqualTo(rowsOfB), "dealer B's rows changed");
            Assert.That(list["list"].EnumerateArray().Select(u => u.GetProperty("id").GetInt64()), Is.SupersetOf(a.Users.Append(created)));
            Assert.That(list["count"].GetInt32(), Is.EqualTo(4), "A's two users, the created and the uploaded one");
            Assert.That(dryRun["matched"].GetInt32(), Is.EqualTo(2), "a dry run of all counts A's users only");
            Assert.That(enforced["list"].EnumerateArray().Select(u => u.GetProperty("id").GetInt64()), Is.EquivalentTo(a.Users));
            Assert.That(defaultOfA.GetProperty("type").GetString(), Is.EqualTo("disallowed"));
            Assert.That(defaultOfB.GetProperty("type").GetString(), Is.EqualTo("allowed"));
            Assert.That(await MfaAllowed(b.Users[0], b.Hash), Is.True);
        });
        (await Call("panel/account/get_permissions", null, b.Hash)).ShouldSucceed();
    }

    [TestCase("users:read,users:update,users:create")]
    [TestCase("audit:read")]
    [TestCase("users:update,users:create")]
    [TestCase("users:read,users:create")]
    [TestCase("users:read,users:update")]
    [TestCase("")]
    public async Task EveryProtectedAction_WithoutItsPermission_Gets13(string permissions)
    {
        var (_, hash) = await NewDealer(permissions);
        var granted = permissions.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var before = await DatabaseSnapshot.ChecksumAsync(Factory);

        foreach (var (action, permission, parameters) in PanelActions.Where(a => a.Permission is not null && !granted.Contains(a.Permission)))
        {
            (await Call(action, parameters(), hash)).ShouldFail(13, HttpStatusCode.Forbidden);
        }

        Assert.That(await DatabaseSnapshot.ChecksumAsync(Factory), Is.EqualTo(before));
        foreach (var (action, _, parameters) in PanelActions.Where(a => a.Permission is not null && granted.Contains(a.Permission) && a.Action != "panel/user/upload"))
        {
            var reply = await Call(action, parameters(), hash);
            Assert.That(reply.Success || reply.Code != 13, Is.True, $"{action} refused with {permissions}: {reply.Body}");
        }
    }

    [Test]
    public async Task DealerB_SeesNoneOfDealerAsEvents_NotEvenNamingAsUsers()
    {
        var (_, a) = await NewDealer("users:read,users:update,users:create,audit:read");
        var (_, b) = await NewDealer("users:read,users:update,users:create,audit:read");
        var user = await NewUser(a);
        (await Call("panel/user/mfa/settings/update", new { target = new { type = "all" }, settings = new { type = "disallowed" } }, a)).ShouldSucceed();
        (await Call("panel/user/mfa/settings/update", new { target = new { type = "selected", ids = new[] { user.Id } }, settings = new { type = "disallowed" } }, a)).ShouldSucceed();
        (await Call("user/auth", new { login = user.Login, password = "User-Passw0rd" })).ShouldSucceed();

        static long[] Ids(ApiResponse reply) => reply["list"].EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToArray();
        // The notices' delivery records its own events when it gets to the updates' batches: not counted here.
        var ofA = (await Call("panel/audit/list", new { limit = 1000 }, a)).ShouldSucceed()["list"].EnumerateArray()
            .Where(e => !e.GetProperty("action").GetString()!.StartsWith("mfa.notices.", StringComparison.Ordinal))
            .Select(e => e.GetProperty("id").GetInt64()).ToArray();
        var ofB = Ids((await Call("panel/audit/list", new { limit = 1000 }, b)).ShouldSucceed());
        var bNamingA = (await Call("panel/audit/list", new { user_id = user.Id }, b)).ShouldSucceed();

        Assert.That(ofA, Has.Length.EqualTo(4), "A's sign-in, user, two updates");
        Assert.That(ofB, Has.Length.EqualTo(1), "B's own sign-in only");
        Assert.That(ofB.Intersect(ofA), Is.Empty);
        Assert.That(bNamingA["count"].GetInt32(), Is.Zero);
        Assert.That((await Call("panel/audit/list", new { user_id = user.Id }, a)).ShouldSucceed()["count"].GetInt32(), Is.EqualTo(3), "its creation, the all and the selected update");
    }

    [Test]
    public async Task UserHashes_AreRefusedByEveryPanelAction_AndPanelHashesByEveryUserAction()
    {
        var (_, panel) = await NewDealer();
        var plain = await NewUser(panel);
        var guarded = await NewUser(panel, ownMfa: new { type = "allowed", factor_types = new[] { "email" } });
        var full = (await Call("user/auth", new { login = plain.Login, password = "User-Passw0rd" })).ShouldSucceed().Hash;
        var secondFactor = (await Call("user/auth", new { login = guarded.Login, password = "User-Passw0rd" })).ShouldSucceed().Hash;
        var before = await DatabaseSnapshot.ChecksumAsync(Factory);

        foreach (var (action, _, parameters) in PanelActions)
        {
            (await Call(action, parameters(), full)).ShouldFail(4);
            (await Call(action, parameters(), secondFactor)).ShouldFail(4);
            (await Call(action, parameters())).ShouldFail(3);
        }

        foreach (var (action, _, parameters) in UserActions)
        {
            (await Call(action, parameters(), panel)).ShouldFail(4);
            (await Call(action, parameters())).ShouldFail(3);
        }

        foreach (var (action, _, parameters) in UserActions.Where(a => !a.SecondFactor && a.Action != "user/logout"))
        {
            (await Call(action, parameters(), secondFactor)).ShouldFail(276, HttpStatusCode.Forbidden);
        }

        Assert.That(await DatabaseSnapshot.ChecksumAsync(Factory), Is.EqualTo(before));
    }

    [Test]
    public async Task LoggedOutHashes_AreRefusedEverywhere()
    {
        var (_, panel) = await NewDealer();
        var user = await NewUser(panel);
        var full = (await Call("user/auth", new { login = user.Login, password = "User-Passw0rd" })).ShouldSucceed().Hash;
        (await Call("panel/account/logout", null, panel)).ShouldSucceed();
        (await Call("user/logout", null, full)).ShouldSucceed();

        await RefusedEverywhere(panel, full);
    }

    [Test]
    public async Task ExpiredHashes_AreRefusedEverywhere()
    {
        var (_, panel) = await NewDealer();
        var plain = await NewUser(panel);
        var guarded = await NewUser(panel, ownMfa: new { type = "allowed", factor_types = new[] { "email" } });
        var secondFactor = (await Call("user/auth", new { login = guarded.Login, password = "User-Passw0rd" })).ShouldSucceed().Hash;

        Factory.Clock.Advance(TimeSpan.FromMinutes(16));
        foreach (var (action, _, parameters) in UserActions.Where(a => a.SecondFactor))
        {
            (await Call(action, parameters(), secondFactor)).ShouldFail(4);
        }

        var full = (await Call("user/auth", new { login = plain.Login, password = "User-Passw0rd" })).ShouldSucceed().Hash;
        Factory.Clock.Advance(TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));
        await RefusedEverywhere(panel, full);
    }

    private async Task RefusedEverywhere(string panel, string full)
    {
        foreach (var (action, _, parameters) in PanelActions)
        {
            (await Call(action, parameters(), panel)).ShouldFail(4);
        }

        foreach (var (action, _, parameters) in UserActions.Where(a => !a.SecondFactor))
        {
            (await Call(action, parameters(), full)).ShouldFail(4);
        }
    }
}
