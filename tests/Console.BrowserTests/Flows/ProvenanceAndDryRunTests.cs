using Microsoft.Playwright;
using Navixy.Panel.Console.BrowserTests.Support;

namespace Navixy.Panel.Console.BrowserTests.Flows;

/// <summary>
/// Where each user's setting comes from (own setting, from default, exempt), the 2FA on / off filter of the Users list,
/// and the confirmation of Settings → Security stating the dry run's figures before anything is written.
/// </summary>
[TestFixture("Sqlite")]
[TestFixture("Postgres")]
[NonParallelizable]
public sealed class ProvenanceAndDryRunTests(string provider) : BrowserTest(provider)
{
    // A fresh service per fixture: these are its only users, so the figures are known.
    private readonly string _follower = UniqueLogin("follower");
    private readonly string _owner = UniqueLogin("owner");
    private readonly string _demo = UniqueLogin("exempt");
    private long _ownerId;

    [OneTimeSetUp]
    public async Task CreateTheUsers()
    {
        await Service.CreateUserAsync(_follower, "Fay", "Follower");
        _ownerId = await Service.CreateUserAsync(_owner, "Otto", "Owner");
        await Service.CreateUserAsync(_demo, "Dee", "Demo", demo: true);
        await Service.AdminAsync("panel/user/mfa/settings/update", new { target = new { type = "selected", ids = new[] { _ownerId } }, settings = new { type = "disallowed" } });
    }

    [Test, Order(1)]
    public async Task UsersList_SaysWhereEachSettingComesFrom_AndFiltersByTheKeyboard()
    {
        await SignInToConsoleAsync();
        await Expect(Page.GetByText("1–3 of 3")).ToBeVisibleAsync();
        await Expect(Row(_follower)).ToContainTextAsync("Disabled nothing set");
        await Expect(Row(_owner)).ToContainTextAsync("Disabled own setting");
        await Expect(Row(_demo)).ToContainTextAsync("Exempt (demo)");

        // Keyboard only: focus the filter and move through its options with the arrow keys.
        await Page.GetByLabel("Two-factor authentication", new() { Exact = true }).FocusAsync();
        await Page.Keyboard.PressAsync("ArrowDown");
        await Expect(Page.GetByText("No users with two-factor authentication on.")).ToBeVisibleAsync();
        await Page.Keyboard.PressAsync("ArrowDown");
        await Expect(Page.GetByText("1–3 of 3")).ToBeVisibleAsync();
        await ScreenAsync("users-mfa-filter");
    }

    [Test, Order(2)]
    public async Task SecurityApply_StatesTheDryRunFigures_AndCancelWritesNothing()
    {
        await SignInToConsoleAsync();
        await Link("Settings").ClickAsync();
        var email = Page.GetByLabel("Email");
        await email.CheckAsync();
        await Button("Save").ClickAsync();
        var dialog = Dialog("Apply security settings?");
        await Expect(dialog).ToContainTextAsync("Turns two-factor authentication on for 2 users; 1 demo user stays exempt.");
        await ScreenAsync("security-confirm-figures");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

        var stored = await Service.AdminAsync("panel/user/mfa/settings/default/read", new { });
        Assert.That(stored.GetProperty("value").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null), "the dry run and Cancel wrote no default");
        Assert.That((await Service.ListAsync(_follower)).Single().GetProperty("mfa_source").GetString(), Is.EqualTo("none"), "nor any user's setting");

        // Confirmed with the keyboard: a change to every user opens with Cancel focused, so Enter alone applies nothing.
        await email.CheckAsync();
        await Button("Save").ClickAsync();
        await Expect(dialog).ToContainTextAsync("Turns two-factor authentication on for 2 users");
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" })).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Tab");
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Apply" })).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.GetByText("Two-factor authentication by email is now on for all users")).ToBeVisibleAsync();

        await Link("Users").ClickAsync();
        await Expect(Row(_follower)).ToContainTextAsync("Enabled own setting");
        await Page.GetByLabel("Two-factor authentication", new() { Exact = true }).SelectOptionAsync("2FA off");
        await Expect(Page.GetByText("1–1 of 1")).ToBeVisibleAsync();
        await Expect(Row(_demo)).ToBeVisibleAsync();
    }

    [Test, Order(3)]
    public async Task UserCard_SaysWhereTheSettingComesFrom_AtPhoneWidth()
    {
        await Service.AdminAsync("panel/user/mfa/settings/default/update", new { settings = new { type = "allowed", factor_types = new[] { "email" } } });
        var newcomer = UniqueLogin("newcomer");
        await Service.CreateUserAsync(newcomer, "Nia", "Newcomer");
        await Page.SetViewportSizeAsync(390, 844);

        await SignInToConsoleAsync();
        await SearchUsersAsync(newcomer);
        await Expect(Row(newcomer)).ToContainTextAsync("Enabled from default");
        await Link(newcomer).ClickAsync();
        await Expect(Page.GetByText("This account follows the default of Settings → Security.")).ToBeVisibleAsync();
        await Expect(Page.Locator(".page-head")).ToContainTextAsync("from default");

        await Page.GetByRole(AriaRole.Switch, new() { Name = "Two-factor authentication" }).UncheckAsync();
        await Expect(Page.GetByText("Two-factor authentication is now off for this user and its sub-users.")).ToBeVisibleAsync();
        await Expect(Page.Locator(".page-head")).ToContainTextAsync("Disabled own setting");
        // The hint says what a reload says: an own setting, and when it was set.
        var ownSince = new System.Text.RegularExpressions.Regex(@"This account has its own setting\. Set \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\.");
        await Expect(Page.GetByText(ownSince)).ToBeVisibleAsync();
        var afterFlip = await Page.Locator("#user-mfa-hint").TextContentAsync();
        await Page.ReloadAsync();
        await Expect(Page.GetByText(ownSince)).ToBeVisibleAsync();
        Assert.That(await Page.Locator("#user-mfa-hint").TextContentAsync(), Is.EqualTo(afterFlip));
        await ScreenAsync("user-card-provenance");
    }

    private ILocator Row(string login) => Page.GetByRole(AriaRole.Row).Filter(new() { HasText = login });
}
