using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Navixy.Panel.Api.FunctionalTests.Support;
using Navixy.Panel.TestSupport;

namespace Navixy.Panel.Api.FunctionalTests.Reliability;

/// <summary>
/// A generated corpus of bad requests over every action. Each one must get a Navixy error envelope with the
/// expected code, one the OpenAPI document lists for the action, and an HTTP status below 500, and must leave every
/// table of the database unchanged.
/// </summary>
[TestFixtureSource(typeof(TestProviders), nameof(TestProviders.All))]
public sealed class HostileInputTests(string provider) : FunctionalTest(provider)
{
    private readonly Dictionary<Credential, string?> _hashes = [];

    [OneTimeSetUp]
    public async Task CreateSessions()
    {
        var (_, panelHash) = await NewDealer("users:read,users:update,users:create,audit:read");
        var plain = await NewUser(panelHash);
        var guarded = await NewUser(panelHash, ownMfa: new { type = "allowed", factor_types = new[] { "email" } });
        _hashes[Credential.None] = null;
        _hashes[Credential.Panel] = panelHash;
        _hashes[Credential.User] = (await Call("user/auth", new { login = plain.Login, password = "User-Passw0rd" })).ShouldSucceed().Hash;
        _hashes[Credential.SecondFactor] = (await Call("user/auth", new { login = guarded.Login, password = "User-Passw0rd" })).ShouldSucceed().Hash;
        ExistingLogin = plain.Login;
    }

    /// <summary>A login already taken, for the 206 cases.</summary>
    private string ExistingLogin { get; set; } = string.Empty;

    [TestCaseSource(typeof(HostileCorpus), nameof(HostileCorpus.Cases))]
    public async Task BadRequest_GetsNavixyError_AndChangesNothing(HostileCase hostile)
    {
        var before = await DatabaseSnapshot.ChecksumAsync(Factory);

        using var request = hostile.Build(_hashes[hostile.Credential], ExistingLogin);
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.That((int)response.StatusCode, Is.LessThan(500), text);
        using var body = JsonDocument.Parse(text);
        Assert.Multiple(() =>
        {
            Assert.That(body.RootElement.GetProperty("success").GetBoolean(), Is.False, text);
            Assert.That(body.RootElement.GetProperty("status").GetProperty("code").GetInt32(), Is.EqualTo(hostile.Code), text);
            if (hostile.Code == 9)
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
            }
        });
        await AssertDocumentedAsync(request, (int)response.StatusCode, hostile.Code);
        Assert.That(await DatabaseSnapshot.ChecksumAsync(Factory), Is.EqualTo(before), "the database changed");
    }

    [Test]
    public void Corpus_HasAtLeast300Requests_CoveringEveryAction()
    {
        var cases = HostileCorpus.All().ToArray();

        Assert.That(cases, Has.Length.GreaterThanOrEqualTo(300));
        Assert.That(cases.Select(c => c.Action).Distinct(), Is.EquivalentTo(HostileCorpus.Actions.Select(a => a.Action)));
        Assert.That(cases.Select(c => c.Name).Distinct().Count(), Is.EqualTo(cases.Length), "case names are unique");
    }

    [Test]
    public async Task Checksum_SeesEveryCommittedChange()
    {
        var before = await DatabaseSnapshot.ChecksumAsync(Factory);
        var current = (await Call("panel/user/mfa/settings/default/read", hash: _hashes[Credential.Panel])).ShouldSucceed()["value"];
        var flipped = current.ValueKind == JsonValueKind.Null || current.GetProperty("type").GetString() == "disallowed" ? "allowed" : "disallowed";

        (await Call("panel/user/mfa/settings/default/update", new { settings = new { type = flipped, factor_types = new[] { "email" } } }, _hashes[Credential.Panel])).ShouldSucceed();

        Assert.That(await DatabaseSnapshot.ChecksumAsync(Factory), Is.Not.EqualTo(before));
    }

    [TestCase(Transport.Json)]
    [TestCase(Transport.Form)]
    [TestCase(Transport.Query)]
    public async Task UnknownExtraFields_AreIgnored(Transport transport)
    {
        var panel = _hashes[Credential.Panel];
        (await Call("panel/user/mfa/settings/update", new { target = new { type = "all", colour = "red" }, settings = new { type = "disallowed", note = 1 }, extra = new[] { 1, 2 } }, panel, transport)).ShouldSucceed();
        (await Call("panel/user/list", new { limit = 1, sort = "whatever", page = 3 }, panel, transport)).ShouldSucceed();
        (await Call("user/get_info", new { verbose = true }, _hashes[Credential.User], transport)).ShouldSucceed();
    }
}

public enum Credential
{
    None,
    Panel,
    User,
    SecondFactor,
}

/// <summary>One bad request: where it goes, with which credential, what it carries and the code it must get.</summary>
public sealed record HostileCase(string Name, string Action, Credential Credential, int Code, Func<string, HttpContent?> Body, string? Query = null)
{
    public HttpRequestMessage Build(string? hash, string existingLogin)
    {
        var request = new HttpRequestMessage(Query is null ? HttpMethod.Post : HttpMethod.Get, "/v2/" + Action + (Query is null ? string.Empty : "?" + Query))
        {
            Content = Body(existingLogin),
        };
        if (hash is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "NVX " + hash);
        }

        return request;
    }

    public override string ToString() => Name;
}

/// <summary>Generates the corpus: protocol-level damage for every action, then parameter-level damage per action.</summary>
public static class HostileCorpus
{
    private const string Existing = "{existing}";

    public static readonly (string Action, Credential Credential, string ValidBody)[] Actions =
    [
        ("panel/account/auth", Credential.None, """{"login":"admin","password":"Not-The-Password1"}"""),
        ("panel/account/logout", Credential.Panel, "{}"),
        ("panel/account/get_permissions", Credential.Panel, "{}"),
        ("panel/user/mfa/settings/update", Credential.Panel, """{"target":{"type":"selected","ids":[1]},"settings":{"type":"disallowed"}}"""),
        ("panel/user/mfa/settings/default/read", Credential.Panel, "{}"),
        ("panel/user/mfa/settings/default/update", Credential.Panel, """{"settings":{"type":"allowed","factor_types":["email"]}}"""),
        ("panel/user/create", Credential.Panel, """{"user":{"login":"new@example.com","first_name":"A","last_name":"B","legal_type":"individual"},"password":"Passw0rd!","locale":"en_US","time_zone":"UTC"}"""),
        ("panel/user/read", Credential.Panel, """{"user_id":1}"""),
        ("panel/user/list", Credential.Panel, """{"limit":10}"""),
        ("panel/user/upload", Credential.Panel, """{"file":"login;first_name"}"""),
        ("panel/audit/list", Credential.Panel, """{"user_id":1,"actions":["mfa.update"],"limit":10}"""),
        ("user/auth", Credential.None, """{"login":"someone@example.com","password":"Not-The-Password1"}"""),
        ("user/auth/code/verify", Credential.SecondFactor, """{"code":"000000"}"""),
        ("user/auth/code/resend", Credential.SecondFactor, "{}"),
        ("user/get_info", Credential.User, "{}"),
        ("user/logout", Credential.User, "{}"),
        ("subuser/register", Credential.User, """{"user":{"login":"sub@example.com","first_name":"A","last_name":"B"},"password":"Passw0rd!"}"""),
    ];

    public static IEnumerable<TestCaseData> Cases() => All().Select(c => new TestCaseData(c).SetName(c.Name));

    public static IEnumerable<HostileCase> All() => Actions.SelectMany(a => Protocol(a.Action, a.Credential, a.ValidBody)).Concat(Parameters());

    private static IEnumerable<HostileCase> Protocol(string action, Credential credential, string valid)
    {
        HostileCase Case(string what, int code, Func<HttpContent?> body) => new($"{action} {what}", action, credential, code, _ => body());

        yield return Case("malformed JSON", 5, () => Json("""{"target": """));
        yield return Case("truncated JSON", 5, () => Json(valid[..(valid.Length / 2)]));
        yield return Case("JSON array at the root", 5, () => Json("[" + valid + "]"));
        yield return Case("JSON number at the root", 5, () => Json("42"));
        yield return Case("JSON null at the root", 5, () => Json("null"));
        yield return Case("invalid UTF-8 inside JSON", 5, () => Bytes([.. "{\"login\":\""u8, 0xFF, 0xFE, 0xC3, .. "\"}"u8], "application/json"));
        yield return Case("invalid UTF-8 in a form", 5, () => Bytes([.. "login="u8, 0xC3, 0x28, 0xFF], "application/x-www-form-urlencoded"));
        yield return Case("escape that decodes to invalid UTF-8 in a form", 5, () => Text("login=a%FFb", "application/x-www-form-urlencoded"));
        yield return Case("multipart text part not UTF-8", 5, () => Bytes([.. "--XyZ\r\nContent-Disposition: form-data; name=\"login\"\r\n\r\nBad"u8, 0xFF, .. "Name\r\n--XyZ--\r\n"u8], "multipart/form-data; boundary=XyZ"));
        foreach (var charset in new[] { "\"utf-8\"", "utf8", "x-unknown" })
        {
            yield return Case($"multipart text part not UTF-8 labelled charset={charset}", 5, () => Bytes([.. Encoding.UTF8.GetBytes($"--XyZ\r\nContent-Disposition: form-data; name=\"login\"\r\nContent-Type: text/plain; charset={charset}\r\n\r\nBad"), 0xFF, .. "Name\r\n--XyZ--\r\n"u8], "multipart/form-data; boundary=XyZ"));
        }

        yield return Case("XML content type", 5, () => Text("<request><login>admin</login></request>", "application/xml"));
        yield return Case("Content-Type that is no media type", 5, () => Labelled(valid, "garbage"));
        yield return Case("plain text that is not JSON", 5, () => Text("login admin please", "text/plain"));
        yield return Case("duplicate JSON keys", 5, () => Json("""{"a":1,"a":2}"""));
        yield return Case("JSON nested 100 deep", 5, () => Json("{\"x\":" + new string('[', 100) + new string(']', 100) + "}"));
        yield return Case("trailing garbage after JSON", 5, () => Json(valid + " trailing"));
        yield return Case("multipart without its boundary", 5, () => Bytes("garbage without any boundary"u8.ToArray(), "multipart/form-data; boundary=XyZ"));
        yield return Case("multipart part in UTF-7", 5, () => Bytes("--XyZ\r\nContent-Disposition: form-data; name=\"login\"\r\nContent-Type: text/plain; charset=utf-7\r\n\r\nnobody\r\n--XyZ--\r\n"u8.ToArray(), "multipart/form-data; boundary=XyZ"));
        yield return Case("JSON with a comment", 5, () => Json("""{"a":1 /* note */}"""));
        yield return Case("duplicate keys in a nested object", 5, () => Json("""{"x":{"a":1,"a":2}}"""));
        yield return Case("lone surrogate in a JSON string", 5, () => Json("""{"x":"\ud800"}"""));
        var size = action == "panel/user/upload" ? 17 * 1024 * 1024 : 2 * 1024 * 1024;
        yield return Case($"{size / 1024 / 1024} MiB body", 9, () => Json("{\"filler\":\"" + new string('a', size) + "\"}"));
    }

    private static IEnumerable<HostileCase> Parameters()
    {
        const string Update = "panel/user/mfa/settings/update";
        const string Disallowed = """{"type":"disallowed"}""";
        const string All = """{"type":"all"}""";
        HostileCase UpdateCase(string what, string target, string settings, int code = 7) =>
            new($"{Update} {what}", Update, Credential.Panel, code, _ => Json($$"""{"target":{{target}},"settings":{{settings}}}"""));
        HostileCase Ids(string what, string ids, int code = 7) => UpdateCase("ids " + what, $$"""{"type":"selected","ids":{{ids}}}""", Disallowed, code);

        yield return new($"{Update} no parameters", Update, Credential.Panel, 7, _ => Json("{}"));
        yield return new($"{Update} target missing", Update, Credential.Panel, 7, _ => Json($$"""{"settings":{{Disallowed}}}"""));
        yield return new($"{Update} settings missing", Update, Credential.Panel, 7, _ => Json($$"""{"target":{{All}}}"""));
        yield return UpdateCase("target null", "null", Disallowed);
        yield return UpdateCase("target as a string", "\"all\"", Disallowed);
        yield return UpdateCase("target as a number", "42", Disallowed);
        yield return UpdateCase("target as an array", "[]", Disallowed);
        yield return UpdateCase("target type unknown", """{"type":"some"}""", Disallowed);
        yield return UpdateCase("target type a number", """{"type":5}""", Disallowed);
        yield return UpdateCase("target type null", """{"type":null}""", Disallowed);
        yield return UpdateCase("target type empty", """{"type":""}""", Disallowed);
        yield return UpdateCase("target type upper case", """{"type":"ALL"}""", Disallowed);
        yield return UpdateCase("selected without ids", """{"type":"selected"}""", Disallowed);
        yield return Ids("empty", "[]");
        yield return Ids("null", "null");
        yield return Ids("a number", "1");
        yield return Ids("an object", """{"0":1}""");
        yield return Ids("zero", "[0]");
        yield return Ids("negative", "[-1]");
        yield return Ids("beyond 64-bit", "[9223372036854775808]");
        yield return Ids("far beyond 64-bit", "[" + new string('9', 40) + "]");
        yield return Ids("a float", "[1.5]");
        yield return Ids("an exponent", "[1e3]");
        yield return Ids("a string", "[\"1\"]");
        yield return Ids("a boolean", "[true]");
        yield return Ids("a null", "[null]");
        yield return Ids("nested arrays", "[[1]]");
        yield return Ids("objects", """[{"id":1}]""");
        yield return Ids("101 of them", "[" + string.Join(',', Enumerable.Range(1, 101)) + "]");
        yield return Ids("100000 of them", "[" + string.Join(',', Enumerable.Range(1, 100_000)) + "]");
        yield return Ids("of no user", "[999999999]", 201);
        yield return Ids("partly of no user", "[1,999999999]", 201);
        yield return UpdateCase("settings null", All, "null");
        yield return UpdateCase("settings as a string", All, "\"allowed\"");
        yield return UpdateCase("settings type unknown", All, """{"type":"sometimes"}""");
        yield return UpdateCase("settings type missing", All, """{"factor_types":["email"]}""");
        yield return UpdateCase("allowed without factor types", All, """{"type":"allowed"}""");
        yield return UpdateCase("allowed with no factor types", All, """{"type":"allowed","factor_types":[]}""");
        yield return UpdateCase("allowed with an unknown factor type", All, """{"type":"allowed","factor_types":["sms"]}""");
        yield return UpdateCase("allowed with a numeric factor type", All, """{"type":"allowed","factor_types":[1]}""");
        yield return UpdateCase("allowed with a null factor type", All, """{"type":"allowed","factor_types":[null]}""");
        yield return UpdateCase("factor types as a string", All, """{"type":"allowed","factor_types":"email"}""");
        yield return UpdateCase("a huge settings type", All, $$"""{"type":"{{new string('x', 500_000)}}"}""");
        yield return UpdateCase("target all with ids", """{"type":"all","ids":[1]}""", Disallowed);
        yield return UpdateCase("ids twice in the target", """{"type":"selected","ids":[1],"ids":[2]}""", Disallowed, 5);
        yield return UpdateCase("settings type twice", All, """{"type":"disallowed","type":"allowed","factor_types":["email"]}""", 5);
        yield return new($"{Update} form target with ids twice", Update, Credential.Panel, 7, _ => Form(("target", """{"type":"selected","ids":[1],"ids":[2]}"""), ("settings", Disallowed)));
        yield return new($"{Update} query settings type twice", Update, Credential.Panel, 7, _ => null, "target=" + Uri.EscapeDataString(All) + "&settings=" + Uri.EscapeDataString("""{"type":"disallowed","type":"allowed","factor_types":["email"]}"""));
        yield return new($"{Update} form target a lone surrogate", Update, Credential.Panel, 7, _ => Form(("target", """{"type":"\ud800"}"""), ("settings", Disallowed)));
        yield return new($"{Update} form target not JSON", Update, Credential.Panel, 7, _ => Form(("target", "{\"type\":"), ("settings", Disallowed)));
        yield return new($"{Update} form settings not JSON", Update, Credential.Panel, 7, _ => Form(("target", All), ("settings", "[")));
        yield return new($"{Update} form target a bare word", Update, Credential.Panel, 7, _ => Form(("target", "all"), ("settings", Disallowed)));
        yield return new($"{Update} query target not JSON", Update, Credential.Panel, 7, _ => null, "target=%7Bbroken&settings=" + Uri.EscapeDataString(Disallowed));
        yield return new($"{Update} query ids beyond 64-bit", Update, Credential.Panel, 7, _ => null, "target=" + Uri.EscapeDataString("""{"type":"selected","ids":[99999999999999999999]}""") + "&settings=" + Uri.EscapeDataString(Disallowed));
        HostileCase DryRunCase(string what, string dryRun, string target, string settings, int code = 7) =>
            new($"{Update} dry run {what}", Update, Credential.Panel, code, _ => Json($$"""{"target":{{target}},"settings":{{settings}},"dry_run":{{dryRun}}}"""));
        yield return DryRunCase("a word", "\"maybe\"", All, Disallowed);
        yield return DryRunCase("a number", "1", All, Disallowed);
        yield return DryRunCase("an object", """{"on":true}""", All, Disallowed);
        yield return DryRunCase("an array", "[true]", All, Disallowed);
        yield return DryRunCase("with ids of no user", "true", """{"type":"selected","ids":[999999999]}""", Disallowed, 201);
        yield return DryRunCase("with ids partly of no user", "true", """{"type":"selected","ids":[1,999999999]}""", Disallowed, 201);
        yield return DryRunCase("with 101 ids", "true", """{"type":"selected","ids":[""" + string.Join(',', Enumerable.Range(1, 101)) + "]}", Disallowed);
        yield return DryRunCase("with target all and ids", "true", """{"type":"all","ids":[1]}""", Disallowed);
        yield return DryRunCase("with unknown settings", "true", All, """{"type":"sometimes"}""");
        yield return DryRunCase("with target null", "true", "null", Disallowed);
        yield return new($"{Update} dry run twice", Update, Credential.Panel, 5, _ => Json($$"""{"target":{{All}},"settings":{{Disallowed}},"dry_run":true,"dry_run":false}"""));
        yield return new($"{Update} query dry run a word", Update, Credential.Panel, 7, _ => null, "target=" + Uri.EscapeDataString(All) + "&settings=" + Uri.EscapeDataString(Disallowed) + "&dry_run=perhaps");
        yield return new($"{Update} form dry run empty", Update, Credential.Panel, 7, _ => Form(("target", All), ("settings", Disallowed), ("dry_run", string.Empty)));
        yield return new($"{Update} form dry run without settings", Update, Credential.Panel, 7, _ => Form(("target", All), ("dry_run", "true")));

        const string DefaultUpdate = "panel/user/mfa/settings/default/update";
        foreach (var (what, settings) in new[]
        {
            ("settings missing", "{}"),
            ("settings null", """{"settings":null}"""),
            ("settings type unknown", """{"settings":{"type":"maybe"}}"""),
            ("allowed without factor types", """{"settings":{"type":"allowed"}}"""),
            ("allowed with no factor types", """{"settings":{"type":"allowed","factor_types":[]}}"""),
            ("allowed with sms", """{"settings":{"type":"allowed","factor_types":["sms"]}}"""),
            ("settings an array", """{"settings":[{"type":"disallowed"}]}"""),
            ("settings type a boolean", """{"settings":{"type":true}}"""),
        })
        {
            yield return new($"{DefaultUpdate} {what}", DefaultUpdate, Credential.Panel, 7, _ => Json(settings));
        }

        yield return new($"{DefaultUpdate} form settings not JSON", DefaultUpdate, Credential.Panel, 7, _ => Form(("settings", "{type:disallowed}")));
        yield return new($"{DefaultUpdate} query settings not JSON", DefaultUpdate, Credential.Panel, 7, _ => null, "settings=%5B%5B");
        foreach (var (what, body) in new[]
        {
            ("dry run a word", """{"settings":{"type":"disallowed"},"dry_run":"yes"}"""),
            ("dry run a number", """{"settings":{"type":"disallowed"},"dry_run":0}"""),
            ("dry run without settings", """{"dry_run":true}"""),
            ("dry run with settings null", """{"settings":null,"dry_run":true}"""),
            ("dry run allowed with sms", """{"settings":{"type":"allowed","factor_types":["sms"]},"dry_run":true}"""),
        })
        {
            yield return new($"{DefaultUpdate} {what}", DefaultUpdate, Credential.Panel, 7, _ => Json(body));
        }

        yield return new($"{DefaultUpdate} query dry run a word", DefaultUpdate, Credential.Panel, 7, _ => null, "settings=" + Uri.EscapeDataString(Disallowed) + "&dry_run=maybe");

        const string Create = "panel/user/create";
        static string NewUser(string user, string password = "\"Passw0rd!\"") => $$"""{"user":{{user}},"password":{{password}},"locale":"en_US","time_zone":"UTC"}""";
        foreach (var (what, body, code) in new[]
        {
            ("user missing", """{"password":"Passw0rd!","locale":"en_US","time_zone":"UTC"}""", 7),
            ("user null", NewUser("null"), 7),
            ("user an array", NewUser("""[{"login":"a@example.com"}]"""), 7),
            ("login not an email", NewUser("""{"login":"not-an-email","first_name":"A","last_name":"B","legal_type":"individual"}"""), 7),
            ("login a number", NewUser("""{"login":12345,"first_name":"A","last_name":"B","legal_type":"individual"}"""), 7),
            ("login with a comma", NewUser("""{"login":"a,b.x@example.com","first_name":"A","last_name":"B","legal_type":"individual"}"""), 7),
            ("login with angle brackets", NewUser("""{"login":"<x>.x@example.com","first_name":"A","last_name":"B","legal_type":"individual"}"""), 7),
            ("login not ASCII", NewUser("""{"login":"jürgen.x@example.com","first_name":"A","last_name":"B","legal_type":"individual"}"""), 7),
            ("login huge", NewUser($$"""{"login":"{{new string('a', 100_000)}}@example.com","first_name":"A","last_name":"B","legal_type":"individual"}"""), 7),
            ("first name missing", NewUser("""{"login":"fn@example.com","last_name":"B","legal_type":"individual"}"""), 7),
            ("legal type unknown", NewUser("""{"login":"lt@example.com","first_name":"A","last_name":"B","legal_type":"pirate"}"""), 7),
            ("demo a string", NewUser("""{"login":"dm@example.com","first_name":"A","last_name":"B","legal_type":"individual","demo":"yes"}"""), 7),
            ("own MFA type unknown", NewUser("""{"login":"mf@example.com","first_name":"A","last_name":"B","legal_type":"individual","dealer_mfa_settings":{"type":"often"}}"""), 7),
            ("password too short", NewUser("""{"login":"pw@example.com","first_name":"A","last_name":"B","legal_type":"individual"}""", "\"Short1!\""), 7),
            ("password too long", NewUser("""{"login":"pw@example.com","first_name":"A","last_name":"B","legal_type":"individual"}""", "\"" + new string('p', 65) + "\""), 7),
            ("password with a control character", NewUser("""{"login":"pw@example.com","first_name":"A","last_name":"B","legal_type":"individual"}""", "\"Passw0rd\\u0007x\""), 7),
            ("password a number", NewUser("""{"login":"pw@example.com","first_name":"A","last_name":"B","legal_type":"individual"}""", "12345678"), 7),
            ("locale missing", """{"user":{"login":"lc@example.com","first_name":"A","last_name":"B","legal_type":"individual"},"password":"Passw0rd!","time_zone":"UTC"}""", 7),
            ("login taken", NewUser($$"""{"login":"{{Existing}}","first_name":"A","last_name":"B","legal_type":"individual"}"""), 206),
        })
        {
            yield return new($"{Create} {what}", Create, Credential.Panel, code, existing => Json(body.Replace(Existing, existing, StringComparison.Ordinal)));
        }

        yield return new($"{Create} form user not JSON", Create, Credential.Panel, 7, _ => Form(("user", "{\"login\""), ("password", "Passw0rd!"), ("locale", "en_US"), ("time_zone", "UTC")));

        const string Read = "panel/user/read";
        foreach (var (what, value, code) in new[]
        {
            ("user id zero", "0", 7), ("user id negative", "-1", 7), ("user id beyond 64-bit", "9223372036854775808", 7),
            ("user id a float", "1.5", 7), ("user id a string", "\"abc\"", 7), ("user id a boolean", "true", 7),
            ("user id null", "null", 7), ("user id an array", "[1]", 7), ("user id an object", """{"id":1}""", 7),
            ("user id of no user", "999999999", 201),
        })
        {
            yield return new($"{Read} {what}", Read, Credential.Panel, code, _ => Json($$"""{"user_id":{{value}}}"""));
        }

        yield return new($"{Read} user id missing", Read, Credential.Panel, 7, _ => Json("{}"));
        yield return new($"{Read} query user id not a number", Read, Credential.Panel, 7, _ => null, "user_id=abc");
        yield return new($"{Read} query user id overflowing", Read, Credential.Panel, 7, _ => null, "user_id=1e400");
        yield return new($"{Read} form user id empty", Read, Credential.Panel, 7, _ => Form(("user_id", string.Empty)));

        const string List = "panel/user/list";
        foreach (var (what, body) in new[]
        {
            ("order by an unknown column", """{"order_by":"password"}"""), ("order by a number", """{"order_by":1}"""),
            ("limit over 1000", """{"limit":1001}"""), ("limit negative", """{"limit":-1}"""), ("limit a word", """{"limit":"ten"}"""),
            ("offset negative", """{"offset":-5}"""), ("ascending a word", """{"ascending":"perhaps"}"""),
            ("filter huge", $$"""{"filter":"{{new string('f', 300)}}"}"""), ("filter an array", """{"filter":[]}"""),
            ("mfa allowed a word", """{"mfa_allowed":"maybe"}"""), ("mfa allowed a number", """{"mfa_allowed":1}"""),
            ("mfa allowed an array", """{"mfa_allowed":[true]}"""), ("mfa allowed an object", """{"mfa_allowed":{"value":true}}"""),
            ("mfa allowed with a bad order", """{"mfa_allowed":true,"order_by":"mfa"}"""), ("order by mfa allowed in capitals", """{"order_by":"MFA_ALLOWED"}"""),
            ("mfa allowed with a huge filter", $$"""{"mfa_allowed":false,"filter":"{{new string('f', 300)}}"}"""),
        })
        {
            yield return new($"{List} {what}", List, Credential.Panel, 7, _ => Json(body));
        }

        yield return new($"{List} query limit overflowing", List, Credential.Panel, 7, _ => null, "limit=99999999999999999999");
        yield return new($"{List} query ascending a word", List, Credential.Panel, 7, _ => null, "ascending=sometimes");
        yield return new($"{List} query mfa allowed a word", List, Credential.Panel, 7, _ => null, "mfa_allowed=maybe");
        yield return new($"{List} query mfa allowed empty", List, Credential.Panel, 7, _ => null, "mfa_allowed=");
        yield return new($"{List} form mfa allowed a number", List, Credential.Panel, 7, _ => Form(("mfa_allowed", "2")));

        const string Upload = "panel/user/upload";
        const string Header = "login;first_name;last_name;legal_type;password\n";
        foreach (var (what, csv, code) in new[]
        {
            ("empty file", string.Empty, 274),
            ("header only", Header, 274),
            ("row with a bad email", Header + "nobody;A;B;individual;Passw0rd1\n", 7),
            ("row with a comma in the login", Header + "a,b.x@example.com;A;B;individual;Passw0rd1\n", 7),
            ("row with angle brackets in the login", Header + "<x>.x@example.com;A;B;individual;Passw0rd1\n", 7),
            ("row with a login not ASCII", Header + "jürgen.x@example.com;A;B;individual;Passw0rd1\n", 7),
            ("row with a short password", Header + "short@example.com;A;B;individual;pw\n", 7),
            ("row with an unknown legal type", Header + "lt@example.com;A;B;pirate;Passw0rd1\n", 7),
            ("row with missing columns", Header + "cols@example.com;A\n", 7),
            ("comma separated", "login,first_name,last_name,legal_type,password\ncs@example.com,A,B,individual,Passw0rd1\n", 7),
            ("header without login", "first_name;last_name;legal_type;password\nA;B;individual;Passw0rd1\n", 7),
            ("the same login twice", Header + "twice@example.com;A;B;individual;Passw0rd1\ntwice@example.com;C;D;individual;Passw0rd2\n", 206),
            ("a taken login", Header + Existing + ";A;B;individual;Passw0rd1\n", 206),
            ("good rows then a bad one", Header + "good1@example.com;A;B;individual;Passw0rd1\ngood2@example.com;A;B;individual;Passw0rd1\nbad;A;B;individual;Passw0rd1\n", 7),
            ("10001 rows", Header + string.Concat(Enumerable.Range(0, 10_001).Select(i => $"bulk{i}@example.com;A;B;individual;Passw0rd1\n")), 7),
        })
        {
            yield return new($"{Upload} {what}", Upload, Credential.Panel, code, existing => Multipart("file", Encoding.UTF8.GetBytes(csv.Replace(Existing, existing, StringComparison.Ordinal))));
        }

        yield return new($"{Upload} file not UTF-8", Upload, Credential.Panel, 7, _ => Multipart("file", [.. Encoding.UTF8.GetBytes(Header), 0xFF, 0xFE, (byte)';', (byte)'A', (byte)'\n']));
        yield return new($"{Upload} file with an encoded lone surrogate", Upload, Credential.Panel, 7, _ => Multipart("file", [.. Encoding.UTF8.GetBytes(Header + "ls"), 0xED, 0xA0, 0x80, .. "@example.com;A;B;individual;Passw0rd1\n"u8]));
        yield return new($"{Upload} no file part", Upload, Credential.Panel, 7, _ => Multipart("document", Encoding.UTF8.GetBytes(Header)));

        foreach (var action in new[] { "panel/account/auth", "user/auth" })
        {
            foreach (var (what, body) in new[]
            {
                ("login missing", """{"password":"Passw0rd!"}"""), ("password missing", """{"login":"admin"}"""),
                ("login a number", """{"login":42,"password":"Passw0rd!"}"""), ("password an array", """{"login":"admin","password":[]}"""),
                ("login huge", $$"""{"login":"{{new string('l', 300)}}","password":"Passw0rd!"}"""),
                ("password huge", $$"""{"login":"admin","password":"{{new string('p', 300)}}"}"""),
                ("login empty", """{"login":"","password":"Passw0rd!"}"""),
            })
            {
                yield return new($"{action} {what}", action, Credential.None, 7, _ => Json(body));
            }
        }

        foreach (var action in new[] { "panel/account/get_permissions", "user/get_info" })
        {
            yield return new($"{action} hash a lone surrogate in the body", action, Credential.None, 5, _ => Json("""{"hash":"\ud800"}"""));
        }

        const string Audit = "panel/audit/list";
        foreach (var (what, body) in new[]
        {
            ("user_id zero", """{"user_id":0}"""), ("user_id negative", """{"user_id":-1}"""), ("user_id a string", """{"user_id":"one"}"""),
            ("user_id a float", """{"user_id":1.5}"""), ("user_id beyond 64-bit", """{"user_id":9223372036854775808}"""), ("user_id an array", """{"user_id":[1]}"""),
            ("actions a string", """{"actions":"mfa.update"}"""), ("actions an unknown name", """{"actions":["mfa.delete"]}"""),
            ("actions a name in upper case", """{"actions":["MFA.UPDATE"]}"""), ("actions a null", """{"actions":[null]}"""),
            ("actions a number", """{"actions":[1]}"""), ("actions an object", """{"actions":{"a":"mfa.update"}}"""),
            ("actions 1000 of them", "{\"actions\":[" + string.Join(',', Enumerable.Repeat("\"mfa.update\"", 1000)) + "]}"),
            ("from not a date", """{"from":"yesterday"}"""), ("from month 13", """{"from":"2026-13-01 00:00:00"}"""),
            ("from ISO with a T", """{"from":"2026-12-01T00:00:00Z"}"""), ("from a date only", """{"from":"2026-12-01"}"""),
            ("from a number", """{"from":1764547200}"""), ("to February 30", """{"to":"2026-02-30 00:00:00"}"""),
            ("to hour 24", """{"to":"2026-12-01 24:00:00"}"""), ("to before from", """{"from":"2026-12-02 00:00:00","to":"2026-12-01 00:00:00"}"""),
            ("offset negative", """{"offset":-1}"""), ("offset a string", """{"offset":"ten"}"""), ("offset beyond 32-bit", """{"offset":4294967296}"""),
            ("limit zero", """{"limit":0}"""), ("limit 1001", """{"limit":1001}"""), ("limit negative", """{"limit":-5}"""), ("limit a float", """{"limit":10.5}"""),
        })
        {
            yield return new($"{Audit} {what}", Audit, Credential.Panel, 7, _ => Json(body));
        }

        yield return new($"{Audit} query actions not JSON", Audit, Credential.Panel, 7, _ => null, "actions=%5Bmfa.update");
        yield return new($"{Audit} form limit a word", Audit, Credential.Panel, 7, _ => Form(("limit", "lots")));

        const string Verify = "user/auth/code/verify";
        foreach (var (what, body) in new[]
        {
            ("code missing", "{}"), ("code null", """{"code":null}"""), ("code an object", """{"code":{}}"""),
            ("code too long", """{"code":"12345678901234567"}"""), ("code empty", """{"code":""}"""),
            ("code five digits", """{"code":"12345"}"""), ("code with a letter", """{"code":"12a456"}"""),
            ("code with a line break", """{"code":"123456\n"}"""), ("code in Arabic-Indic digits", """{"code":"١٢٣٤٥٦"}"""),
        })
        {
            yield return new($"{Verify} {what}", Verify, Credential.SecondFactor, 7, _ => Json(body));
        }

        const string Register = "subuser/register";
        foreach (var (what, body, code) in new[]
        {
            ("user missing", """{"password":"Passw0rd!"}""", 7),
            ("user a string", """{"user":"sub@example.com","password":"Passw0rd!"}""", 7),
            ("login not an email", """{"user":{"login":"sub","first_name":"A","last_name":"B"},"password":"Passw0rd!"}""", 7),
            ("login with a comma", """{"user":{"login":"a,b.x@example.com","first_name":"A","last_name":"B"},"password":"Passw0rd!"}""", 7),
            ("login with angle brackets", """{"user":{"login":"<x>.x@example.com","first_name":"A","last_name":"B"},"password":"Passw0rd!"}""", 7),
            ("login not ASCII", """{"user":{"login":"jürgen.x@example.com","first_name":"A","last_name":"B"},"password":"Passw0rd!"}""", 7),
            ("password too short", """{"user":{"login":"sub@example.com","first_name":"A","last_name":"B"},"password":"pw"}""", 7),
            ("last name missing", """{"user":{"login":"sub@example.com","first_name":"A"},"password":"Passw0rd!"}""", 7),
            ("login taken", $$"""{"user":{"login":"{{Existing}}","first_name":"A","last_name":"B"},"password":"Passw0rd!"}""", 206),
        })
        {
            yield return new($"{Register} {what}", Register, Credential.User, code, existing => Json(body.Replace(Existing, existing, StringComparison.Ordinal)));
        }
    }

    private static StringContent Json(string body) => Text(body, "application/json");

    private static StringContent Text(string body, string contentType)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    // Past HttpClient's own check of the header.
    private static ByteArrayContent Labelled(string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    private static ByteArrayContent Bytes(byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));

    private static MultipartFormDataContent Multipart(string part, byte[] file)
    {
        var content = new MultipartFormDataContent();
        var attachment = new ByteArrayContent(file);
        attachment.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(attachment, part, "users.csv");
        return content;
    }
}
