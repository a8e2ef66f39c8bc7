using System.Net;
using Navixy.Panel.Api.FunctionalTests.Support;
using Navixy.Panel.TestSupport;

namespace Navixy.Panel.Api.FunctionalTests.Features;

[TestFixtureSource(typeof(TestProviders), nameof(TestProviders.All))]
public sealed class UserTests(string provider) : FunctionalTest(provider)
{
    [TestCase(Transport.Json)]
    [TestCase(Transport.Form)]
    [TestCase(Transport.Query)]
    public async Task CreateThenRead_InEveryTransport_ShowsTheUser(Transport transport)
    {
        var (dealerId, hash) = await NewDealer();
        var login = Unique("create") + "@example.com";
        var user = new { login, first_name = "Jane", middle_name = "Q", last_name = "Doe", legal_type = "legal_entity", legal_name = "Doe Ltd", phone = "4477001122", post_city = "London", unknown_field = 1 };

        var id = (await Call("panel/user/create", new { user, password = "Passw0rd!", locale = "en_US", time_zone = "Europe/London", comment = "vip" }, hash, transport)).ShouldSucceed()["id"].GetInt64();
        var read = (await Call("panel/user/read", new { user_id = id }, hash, transport)).ShouldSucceed();

        var value = read["value"];
        Assert.Multiple(() =>
        {
            Assert.That(value.GetProperty("id").GetInt64(), Is.EqualTo(id));
            Assert.That(value.GetProperty("dealer_id").GetInt64(), Is.EqualTo(dealerId));
            Assert.That(value.GetProperty("login").GetString(), Is.EqualTo(login));
            Assert.That(value.GetProperty("legal_type").GetString(), Is.EqualTo("legal_entity"));
            Assert.That(value.GetProperty("legal_name").GetString(), Is.EqualTo("Doe Ltd"));
            Assert.That(value.GetProperty("post_city").GetString(), Is.EqualTo("London"));
            Assert.That(value.GetProperty("comment").GetString(), Is.EqualTo("vip"));
            Assert.That(value.GetProperty("demo").GetBoolean(), Is.False);
            Assert.That(value.GetProperty("mfa_allowed").GetBoolean(), Is.False);
            Assert.That(value.GetProperty("creation_date").GetString(), Does.Match(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$"));
            Assert.That(read["dealer_mfa_settings"].ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
        });
    }

    [Test]
    public async Task Create_TakesTheUsersCommentWhenNoTopLevelOneIsSent()
    {
        var (_, hash) = await NewDealer();
        async Task<string?> CommentOf(object body) =>
            (await Call("panel/user/read", new { user_id = (await Call("panel/user/create", body, hash)).ShouldSucceed()["id"].GetInt64() }, hash))
                .ShouldSucceed()["value"].GetProperty("comment").GetString();
        object User(string? comment) => new { login = Unique("comment") + "@example.com", first_name = "A", last_name = "B", legal_type = "individual", comment };

        Assert.That(await CommentOf(new { user = User("inner"), password = "Passw0rd!", locale = "en_US", time_zone = "UTC" }), Is.EqualTo("inner"));
        Assert.That(await CommentOf(new { user = User("inner"), password = "Passw0rd!", locale = "en_US", time_zone = "UTC", comment = "outer" }), Is.EqualTo("outer"));
        (await Call("panel/user/create", new { user = User(new string('x', 256)), password = "Passw0rd!", locale = "en_US", time_zone = "UTC" }, hash)).ShouldFail(7);
    }

    [TestCase("London")]
    [TestCase("europe/london")]
    public async Task Create_WithATimeZoneTheDatabaseDoesNotHave_Is7NamingIt_AndStoresNobody(string zone)
    {
        var (_, hash) = await NewDealer();
        var login = Unique("zone") + "@example.com";
        var user = new { login, first_name = "Zed", last_name = "Zone", legal_type = "individual" };

        var refused = (await Call("panel/user/create", new { user, password = "Passw0rd!", locale = "en_US", time_zone = zone }, hash)).ShouldFail(7);

        Assert.That(refused.ErrorParameters, Is.EqualTo(new[] { "time_zone" }));
        Assert.That((await Call("panel/user/list", new { filter = login }, hash)).ShouldSucceed()["count"].GetInt32(), Is.Zero);
    }

    [Test]
    public async Task Create_WithOwnMfaSettings_ShowsThemAndEffectiveSetting()
    {
        var (_, hash) = await NewDealer();
        var user = await NewUser(hash, ownMfa: new { type = "allowed", factor_types = new[] { "email" } });

        var read = (await Call("panel/user/read", new { user_id = user.Id }, hash)).ShouldSucceed();

        Assert.That(read["value"].GetProperty("mfa_allowed").GetBoolean(), Is.True);
        Assert.That(read["dealer_mfa_settings"].ToString(), Is.EqualTo("""{"type":"allowed","factor_types":["email"]}"""));
    }

    [Test]
    public async Task Create_SameLoginInParallel_OneWins_TheOthersGet206_AndNoErrorIsLogged()
    {
        var (_, hash) = await NewDealer();
        var login = Unique("race") + "@example.com";
        Factory.Log.Clear();

        var replies = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
            Call("panel/user/create", new { user = new { login, first_name = "A", last_name = "B", legal_type = "individual" }, password = "Passw0rd!", locale = "en_US", time_zone = "UTC" }, hash)));

        Assert.That(replies.Count(r => r.Success), Is.EqualTo(1));
        foreach (var lost in replies.Where(r => !r.Success))
        {
            lost.ShouldFail(206);
        }

        Assert.That(Factory.Log.Entries.Where(e => e.StartsWith("Error", StringComparison.Ordinal) || e.StartsWith("Critical", StringComparison.Ordinal)), Is.Empty,
            "a lost race is the client's 206, not a fault of the service");
    }

    [Test]
    public async Task Create_WhenLoginTakenAnywhereOnPlatform_Returns206()
    {
        var (_, hash) = await NewDealer();
        var (_, otherHash) = await NewDealer();
        var taken = await NewUser(otherHash);

        (await Call("panel/user/create", new { user = new { login = taken.Login.ToUpperInvariant(), first_name = "A", last_name = "B", legal_type = "individual" }, password = "Passw0rd!", locale = "en_US", time_zone = "UTC" }, hash)).ShouldFail(206);
    }

    [Test]
    public async Task Create_WithInvalidParameters_Returns7NamingEach()
    {
        var (_, hash) = await NewDealer();

        var response = (await Call("panel/user/create", new { user = new { login = "nope", first_name = "", legal_type = "x" }, password = "short", locale = "en_US", time_zone = "UTC" }, hash)).ShouldFail(7);

        Assert.That(response.ErrorParameters, Is.EqualTo(new[] { "password", "user.first_name", "user.last_name", "user.legal_type", "user.login" }));
    }

    [Test]
    public async Task Read_WhenMissingOrOtherDealerOrSubUser_Returns201()
    {
        var (_, hash) = await NewDealer();
        var (_, otherHash) = await NewDealer();
        var theirs = await NewUser(otherHash);
        var master = await NewUser(hash);
        var session = (await Call("user/auth", new { login = master.Login, password = "User-Passw0rd" })).ShouldSucceed().Hash;
        var subId = (await Call("subuser/register", new { user = new { login = Unique("sub") + "@example.com", first_name = "S", last_name = "U" }, password = "Sub-Passw0rd" }, session)).ShouldSucceed()["id"].GetInt64();

        (await Call("panel/user/read", new { user_id = 987_654_321 }, hash)).ShouldFail(201);
        (await Call("panel/user/read", new { user_id = theirs.Id }, hash)).ShouldFail(201);
        (await Call("panel/user/read", new { user_id = subId }, hash)).ShouldFail(201);
        (await Call("panel/user/read", new { user_id = "abc" }, hash, Transport.Query)).ShouldFail(7);
    }

    [Test]
    public async Task List_FiltersOrdersPagesAndCountsMastersOfDealerOnly()
    {
        var (_, hash) = await NewDealer();
        var (_, otherHash) = await NewDealer();
        await NewUser(otherHash);
        var tag = Unique("zq");
        var created = new List<long>();
        foreach (var last in new[] { "Charlie", "Alpha", "Bravo" })
        {
            var login = $"{tag}.{last.ToLowerInvariant()}@example.com";
            created.Add((await Call("panel/user/create", new { user = new { login, first_name = "F", last_name = last, legal_type = "individual" }, password = "Passw0rd!", locale = "en_US", time_zone = "UTC" }, hash)).ShouldSucceed()["id"].GetInt64());
        }

        var all = (await Call("panel/user/list", null, hash)).ShouldSucceed();
        Assert.That(all["count"].GetInt32(), Is.EqualTo(3));

        var page = (await Call("panel/user/list", new { filter = tag, order_by = "last_name", ascending = false, offset = 1, limit = 1 }, hash, Transport.Query)).ShouldSucceed();
        Assert.That(page["count"].GetInt32(), Is.EqualTo(3));
        var items = page["list"].EnumerateArray().ToArray();
        Assert.That(items.Select(i => i.GetProperty("last_name").GetString()), Is.EqualTo(new[] { "Bravo" }));
        Assert.That(items[0].TryGetProperty("mfa_allowed", out _), Is.True);

        var byId = (await Call("panel/user/list", new { filter = created[1].ToString(System.Globalization.CultureInfo.InvariantCulture) }, hash)).ShouldSucceed();
        Assert.That(byId["list"].EnumerateArray().Select(i => i.GetProperty("id").GetInt64()), Does.Contain(created[1]));
    }

    [Test]
    public async Task List_Search_FindsCreatedAndUploadedUsers_ButNeverSubUsers()
    {
        // The search goes through the provider's substring index, which the database keeps in step on each insert.
        var (_, hash) = await NewDealer();
        var tag = Unique("жк");
        var created = await NewUser(hash);
        (await Call("panel/user/create", new { user = new { login = Unique("c") + "@example.com", first_name = "F", last_name = "Ivanov" + tag, legal_type = "individual" }, password = "Passw0rd!", locale = "en_US", time_zone = "UTC" }, hash)).ShouldSucceed();
        (await Upload($"login;first_name;last_name;legal_type;password\n{Unique("u")}@example.com;{tag}ёж;Lee;individual;Passw0rd1\n", hash)).ShouldSucceed();
        var session = (await Call("user/auth", new { login = created.Login, password = "User-Passw0rd" })).ShouldSucceed().Hash;
        (await Call("subuser/register", new { user = new { login = Unique("sub") + "@example.com", first_name = tag, last_name = tag }, password = "Sub-Passw0rd" }, session)).ShouldSucceed();

        var found = (await Call("panel/user/list", new { filter = tag.ToUpperInvariant() }, hash)).ShouldSucceed();
        Assert.That(found["count"].GetInt32(), Is.EqualTo(2), "the created and the uploaded user; the sub-user is not listed");
        Assert.That(found["list"].EnumerateArray().Count(), Is.EqualTo(2));
        var uploaded = (await Call("panel/user/list", new { filter = tag + "ёж" }, hash, Transport.Query)).ShouldSucceed();
        Assert.That(uploaded["list"].EnumerateArray().Select(u => u.GetProperty("last_name").GetString()), Is.EqualTo(new[] { "Lee" }));
    }

    [TestCase("balance", "order_by")]
    public async Task List_WithUnknownOrder_Returns7NamingOrderBy(string order, string parameter)
    {
        var (_, hash) = await NewDealer();
        var response = (await Call("panel/user/list", new { order_by = order }, hash)).ShouldFail(7);
        Assert.That(response.ErrorParameters, Is.EqualTo(new[] { parameter }));
    }

    [Test]
    public async Task List_WithLimitOver1000_Returns7()
    {
        var (_, hash) = await NewDealer();
        var response = (await Call("panel/user/list", new { limit = 1001 }, hash, Transport.Form)).ShouldFail(7);
        Assert.That(response.ErrorParameters, Is.EqualTo(new[] { "limit" }));
    }

    [Test]
    public async Task Upload_ValidFile_ImportsAllUsersFollowingTheDefault()
    {
        var (_, hash) = await NewDealer();
        (await Call("panel/user/mfa/settings/default/update", new { settings = new { type = "allowed", factor_types = new[] { "email" } } }, hash)).ShouldSucceed();
        var tag = Unique("up");

        var reply = (await Upload($"login;first_name;last_name;legal_type;password\n{tag}a@example.com;Ann;Lee;individual;Passw0rd1\n{tag}b@example.com;Bo;Ng;sole_trader;Passw0rd2\n", hash)).ShouldSucceed();

        Assert.That(reply["total"].GetInt32(), Is.EqualTo(2));
        Assert.That(reply["errors"].GetInt32(), Is.EqualTo(0));
        var list = (await Call("panel/user/list", new { filter = tag }, hash)).ShouldSucceed();
        Assert.That(list["count"].GetInt32(), Is.EqualTo(2));
        Assert.That(list["list"].EnumerateArray().All(u => u.GetProperty("mfa_allowed").GetBoolean()), Is.True);
        (await Call("user/auth", new { login = $"{tag}a@example.com", password = "Passw0rd1" })).ShouldSucceed();
    }

    [Test]
    public async Task Upload_WithABadRow_Returns7WithRowNumberAndImportsNothing()
    {
        var (_, hash) = await NewDealer();
        var tag = Unique("bad");

        var reply = (await Upload($"login;first_name;last_name;legal_type;password\n{tag}a@example.com;Ann;Lee;individual;Passw0rd1\nnot-an-email;Bo;Ng;individual;Passw0rd2\n", hash)).ShouldFail(7);

        Assert.That(reply["row_number"].GetInt32(), Is.EqualTo(3));
        Assert.That(reply.ErrorParameters, Is.EqualTo(new[] { "user.login" }));
        Assert.That((await Call("panel/user/list", new { filter = tag }, hash)).ShouldSucceed()["count"].GetInt32(), Is.Zero);
    }

    [TestCase("maybe")]
    [TestCase("yes")]
    public async Task Upload_WithADemoValueNeitherTrueNorFalse_Returns7OnItsRow_AndImportsNothing(string demo)
    {
        var (_, hash) = await NewDealer();
        var tag = Unique("demo");

        var reply = (await Upload($"login;first_name;last_name;legal_type;password;demo\n{tag}a@example.com;Ann;Lee;individual;Passw0rd1;TRUE\n{tag}b@example.com;Bo;Ng;individual;Passw0rd2;{demo}\n", hash)).ShouldFail(7);

        Assert.That(reply["row_number"].GetInt32(), Is.EqualTo(3));
        Assert.That(reply.ErrorParameters, Is.EqualTo(new[] { "user.demo" }));
        Assert.That((await Call("panel/user/list", new { filter = tag }, hash)).ShouldSucceed()["count"].GetInt32(), Is.Zero);
    }

    [Test]
    public async Task Upload_DemoColumn_ReadsTrueFalseOneZeroAndEmpty()
    {
        var (_, hash) = await NewDealer();
        var tag = Unique("demo");
        string[] values = ["True", "1", "false", "0", ""];
        var rows = string.Concat(values.Select((v, i) => $"{tag}{i}@example.com;Ann;Lee;individual;Passw0rd1;{v}\n"));

        (await Upload($"login;first_name;last_name;legal_type;password;demo\n{rows}", hash)).ShouldSucceed();

        var list = (await Call("panel/user/list", new { filter = tag, order_by = "login" }, hash)).ShouldSucceed()["list"];
        Assert.That(list.EnumerateArray().Select(u => u.GetProperty("demo").GetBoolean()), Is.EqualTo(new[] { true, true, false, false, false }));
    }

    [Test]
    public async Task Upload_WithARepeatedColumnInTheHeader_Returns7OnRow1_AndImportsNothing()
    {
        var (_, hash) = await NewDealer();
        var tag = Unique("twice");

        var reply = (await Upload($"login;first_name;last_name;legal_type;password;login;note;note\n{tag}a@example.com;Ann;Lee;individual;Passw0rd1;{tag}b@example.com;x;y\n", hash)).ShouldFail(7);

        Assert.That(reply["row_number"].GetInt32(), Is.EqualTo(1));
        Assert.That(reply.ErrorParameters, Is.EqualTo(new[] { "file" }));
        Assert.That(reply.Body.ToString(), Does.Contain("header repeats column(s): login"));
        Assert.That((await Call("panel/user/list", new { filter = tag }, hash)).ShouldSucceed()["count"].GetInt32(), Is.Zero);
    }

    [Test]
    public async Task Upload_WithTakenLogin_Returns206WithRowNumber()
    {
        var (_, hash) = await NewDealer();
        var existing = await NewUser(hash);

        var reply = (await Upload($"login;first_name;last_name;legal_type;password\nfresh{Unique("x")}@example.com;Ann;Lee;individual;Passw0rd1\n{existing.Login};Bo;Ng;individual;Passw0rd2\n", hash)).ShouldFail(206);

        Assert.That(reply["row_number"].GetInt32(), Is.EqualTo(3));
    }

    [Test]
    public async Task Upload_LoginInUseOnThePlatformAndRepeatedInTheFile_NamesTheFirstRowWithEither()
    {
        var (_, hash) = await NewDealer();
        var existing = await NewUser(hash);
        const string Header = "login;first_name;last_name;legal_type;password\n";
        var fresh = $"fresh{Unique("x")}@example.com";

        var takenFirst = (await Upload($"{Header}{existing.Login};Bo;Ng;individual;Passw0rd2\n{existing.Login.ToUpperInvariant()};Cy;Ng;individual;Passw0rd3\n", hash)).ShouldFail(206);
        Assert.That(takenFirst["row_number"].GetInt32(), Is.EqualTo(2), "row 2 is in use on the platform, row 3 repeats it");

        var repeatedFirst = (await Upload($"{Header}{fresh};Ann;Lee;individual;Passw0rd1\n{fresh};Ann;Lee;individual;Passw0rd1\n{existing.Login};Bo;Ng;individual;Passw0rd2\n", hash)).ShouldFail(206);
        Assert.That(repeatedFirst["row_number"].GetInt32(), Is.EqualTo(3), "row 3 repeats row 2, row 4 is in use on the platform");
    }

    [Test]
    public async Task Upload_EmptyFile_Returns274_AndMissingFile_Returns7()
    {
        var (_, hash) = await NewDealer();
        (await Upload("login;first_name;last_name;legal_type;password\n", hash)).ShouldFail(274);
        (await Upload("a;b\n", hash, partName: "other")).ShouldFail(7);
        (await Call("panel/user/upload", new { file = "login;first_name" }, hash)).ShouldFail(7);
    }

    [Test]
    public async Task UserActions_WithoutPermission_Return13()
    {
        var (_, readOnly) = await NewDealer("users:read");
        var (_, createOnly) = await NewDealer("users:create");

        (await Call("panel/user/create", new { user = new { login = "x@example.com", first_name = "A", last_name = "B", legal_type = "individual" }, password = "Passw0rd!", locale = "en_US", time_zone = "UTC" }, readOnly)).ShouldFail(13, HttpStatusCode.Forbidden);
        (await Upload("login;first_name;last_name;legal_type;password\n", readOnly)).ShouldFail(13, HttpStatusCode.Forbidden);
        (await Call("panel/user/read", new { user_id = 1 }, createOnly)).ShouldFail(13, HttpStatusCode.Forbidden);
        (await Call("panel/user/list", null, createOnly)).ShouldFail(13, HttpStatusCode.Forbidden);
    }
}
