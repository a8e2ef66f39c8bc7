using Microsoft.Playwright;
using Navixy.Panel.Console.BrowserTests.Support;

namespace Navixy.Panel.Console.BrowserTests.Flows;

/// <summary>
/// Logins and names as long as the service takes, without spaces, wrap where they are shown: nothing scrolls sideways
/// on a phone, the Users table stays inside its card on a desktop, and ordinary addresses stay on one line.
/// </summary>
[TestFixture("Sqlite")]
[NonParallelizable]
public sealed class LongNamesTests(string provider) : BrowserTest(provider)
{
    private readonly string _tag = Guid.NewGuid().ToString("N")[..6];
    private string _longLogin = string.Empty;
    private string _shortLogin = string.Empty;

    [OneTimeSetUp]
    public async Task CreateTheUsers()
    {
        _longLogin = $"{_tag}{new string('l', 56)}@{new string('d', 40)}.example.com";
        _shortLogin = $"jane.{_tag}@example.com";
        await Service.CreateUserAsync(_longLogin, new string('F', 80), new string('L', 80));
        await Service.CreateUserAsync(_shortLogin, "Jane", "Short");
    }

    [Test]
    public async Task UserCard_WithALongNameAndLogin_DoesNotScrollSideways_OnAPhone()
    {
        await Page.SetViewportSizeAsync(390, 844);
        await SignInToConsoleAsync();
        await SearchUsersAsync(_tag);
        await Link(_longLogin).ClickAsync();
        await Expect(Page.GetByText(_longLogin).First).ToBeVisibleAsync();
        // The line under the heading and the Login row break an address as the lists do: before the @ and the dots.
        await Expect(Page.Locator(".page-head p.muted wbr")).Not.ToHaveCountAsync(0);
        await Expect(Page.Locator(".details dd wbr")).Not.ToHaveCountAsync(0);

        Assert.That(await PageScrollsSidewaysAsync(), Is.False);
    }

    [Test]
    public async Task UsersTable_WithALongLogin_StaysInsideItsCard_AndShortLoginsStayOnOneLine()
    {
        await SignInToConsoleAsync();
        await SearchUsersAsync(_tag);
        await Expect(Page.GetByText("1–2 of 2")).ToBeVisibleAsync();

        var table = Page.GetByRole(AriaRole.Region, new() { Name = "User table" });
        Assert.That(await table.EvaluateAsync<bool>("w => w.scrollWidth > w.clientWidth"), Is.False, "the table is wider than its card");
        Assert.That(await LinesAsync(Link(_shortLogin)), Is.EqualTo(1), "an ordinary login wraps");
        Assert.That(await LinesAsync(Link(_longLogin)), Is.GreaterThan(1), "the long login does not wrap");
        Assert.That(await LinesAsync(Page.GetByRole(AriaRole.Row).Filter(new() { HasText = _shortLogin }).Locator("td.col-date")), Is.EqualTo(1), "Created is broken");

        // The table's frame takes keyboard focus, so a table that does scroll sideways can be scrolled with the keys.
        await table.FocusAsync();
        await Expect(table).ToBeFocusedAsync();
        await ScreenAsync("users-long-login");
    }

    /// <summary>How many lines the text of an element takes (the distinct tops of its text's boxes).</summary>
    private static Task<int> LinesAsync(ILocator element) => element.EvaluateAsync<int>(
        "e => { const r = document.createRange(); r.selectNodeContents(e); return new Set([...r.getClientRects()].filter((b) => b.width > 0).map((b) => Math.round(b.top))).size; }");

    private Task<bool> PageScrollsSidewaysAsync() =>
        Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
}
