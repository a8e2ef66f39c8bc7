using Navixy.Panel.Api.FunctionalTests.Support;
using Navixy.Panel.TestSupport;

namespace Navixy.Panel.Api.FunctionalTests.Features;

/// <summary>
/// Control characters in text a client sends: names, addresses, comments and the list's filter refuse them with 7
/// naming the parameter (PostgreSQL cannot store a NUL, and SQLite's search index read one as the end of the query);
/// a sign-in with one in the login is the ordinary refusal. Tab and line breaks stay allowed where text may span lines.
/// </summary>
[TestFixtureSource(typeof(TestProviders), nameof(TestProviders.All))]
public sealed class ControlCharacterTests(string provider) : FunctionalTest(provider)
{
    [TestCase("ab\0cd")]
    [TestCase("abc\0")]
    [TestCase("\u001b[31m")]
    public async Task ListFilter_WithAControlCharacter_Gets7NamingIt(string filter)
    {
        var (_, panel) = await NewDealer();
        await NewUser(panel);

        var reply = (await Call("panel/user/list", new { filter }, panel)).ShouldFail(7);

        Assert.That(reply.ErrorParameters, Is.EqualTo(new[] { "filter" }));
    }

    [TestCase("login", "ja\0ne@example.com")]
    [TestCase("first_name", "Ja\0ne")]
    [TestCase("last_name", "Doe\u0007")]
    [TestCase("middle_name", "\u0085")]
    [TestCase("legal_name", "Acme\0")]
    [TestCase("post_city", "Lon\0don")]
    [TestCase("post_street_address", "1 Main St\0")]
    public async Task UserCreate_WithAControlCharacterInText_Gets7NamingIt_AndChangesNothing(string field, string value)
    {
        var (_, panel) = await NewDealer();
        var before = await DatabaseSnapshot.ChecksumAsync(Factory);
        var user = new Dictionary<string, object?>
        {
            ["login"] = Unique("nul") + "@example.com",
            ["first_name"] = "Jane",
            ["last_name"] = "Doe",
            ["legal_type"] = "individual",
        };
        user[field] = value;

        var reply = (await Call("panel/user/create", new { user, password = "User-Passw0rd", locale = "en_US", time_zone = "UTC" }, panel)).ShouldFail(7);

        Assert.That(reply.ErrorParameters, Is.EqualTo(new[] { "user." + field }));
        Assert.That(await DatabaseSnapshot.ChecksumAsync(Factory), Is.EqualTo(before));
    }

    [Test]
    public async Task UserCreate_KeepsTabsAndLineBreaks_InTheAddressAndComment()
    {
        var (_, panel) = await NewDealer();
        var user = new Dictionary<string, object?>
        {
            ["login"] = Unique("lines") + "@example.com",
            ["first_name"] = "Jane",
            ["last_name"] = "Doe",
            ["legal_type"] = "individual",
            ["post_street_address"] = "Flat 2\r\n1 Main St",
        };

        var id = (await Call("panel/user/create", new { user, password = "User-Passw0rd", locale = "en_US", time_zone = "UTC", comment = "called\tback\nlater" }, panel)).ShouldSucceed()["id"].GetInt64();

        var read = (await Call("panel/user/read", new { user_id = id }, panel)).ShouldSucceed()["value"];
        Assert.That(read.GetProperty("post_street_address").GetString(), Is.EqualTo("Flat 2\r\n1 Main St"));
        Assert.That(read.GetProperty("comment").GetString(), Is.EqualTo("called\tback\nlater"));
    }

    [Test]
    public async Task UserCreate_WithANulInTheComment_Gets7NamingIt()
    {
        var (_, panel) = await NewDealer();
        var user = new { login = Unique("nul") + "@example.com", first_name = "Jane", last_name = "Doe", legal_type = "individual" };

        var reply = (await Call("panel/user/create", new { user, password = "User-Passw0rd", locale = "en_US", time_zone = "UTC", comment = "a\0b" }, panel)).ShouldFail(7);

        Assert.That(reply.ErrorParameters, Is.EqualTo(new[] { "comment" }));
    }

    [Test]
    public async Task SignIn_WithANulInTheLogin_IsTheOrdinaryRefusal()
    {
        var user = await Call("user/auth", new { login = "ja\0ne@example.com", password = "User-Passw0rd" });
        var panel = await Call("panel/account/auth", new { login = "op\0s", password = "Account-Passw0rd" });

        Assert.That(user.Code, Is.EqualTo(102).Or.EqualTo(7), user.Body.ToString());
        Assert.That(panel.Code, Is.EqualTo(102).Or.EqualTo(7), panel.Body.ToString());
    }
}
