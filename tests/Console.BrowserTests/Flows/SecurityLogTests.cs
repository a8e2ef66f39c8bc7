using Microsoft.Playwright;
using Navixy.Panel.Console.BrowserTests.Support;

namespace Navixy.Panel.Console.BrowserTests.Flows;

/// <summary>
/// The Security log page: offered only to accounts with audit read, it lists what was changed (newest first), filters
/// by user, action and time, pages, and says what is wrong with a filter.
/// </summary>
[TestFixture("Sqlite")]
[NonParallelizable]
public sealed class SecurityLogTests(string provider) : BrowserTest(provider)
{
    // The change notices' own events (delivered in the background) would land between the rows these tests expect.
    protected override string[] Settings => ["--Notifications:MfaChanges=Off"];

    [Test]
    public async Task Admin_SeesTheChanges_FiltersThemByUserAndAction_AndPages()
    {
        var login = UniqueLogin("logged");
        var id = await Service.CreateUserAsync(login, "Lena", "Logged");
        await Service.AdminAsync("panel/user/mfa/settings/update", new { target = new { type = "selected", ids = new[] { id } }, settings = new { type = "allowed", factor_types = new[] { "email" } } });
        await Service.SetEveryoneAsync(false);

        await SignInToConsoleAsync();
        await Link("Security log").ClickAsync();
        await Expect(Heading("Security log")).ToBeVisibleAsync();
        var rows = Page.GetByRole(AriaRole.Row);
        await Expect(rows.Nth(1)).ToContainTextAsync("Panel sign-in");
        await Expect(rows.Nth(1)).ToContainTextAsync("admin");
        await Expect(rows.Nth(2)).ToContainTextAsync("Two-factor setting of users changed");
        await Expect(rows.Nth(2)).ToContainTextAsync("All users");

        await Page.GetByLabel("User ID").FillAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Page.GetByLabel("Action").SelectOptionAsync("mfa.update");
        await Page.GetByLabel("User ID").PressAsync("Enter");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.Nth(2)).ToContainTextAsync("1 selected");
        await Expect(rows.Nth(2)).ToContainTextAsync("2FA on (email) · 1 user");
        await Expect(Page.GetByText("1–2 of 2")).ToBeVisibleAsync();
        await ScreenAsync("security-log");

        await Button("Clear").ClickAsync();
        await Page.GetByLabel("Rows per page").SelectOptionAsync("25");
        await Expect(Page.GetByText(new System.Text.RegularExpressions.Regex("^1–\\d+ of \\d+$"))).ToBeVisibleAsync();
    }

    [Test]
    public async Task UserTargets_LinkToTheCard_OnlyWhereItIsSurelyAMasterUser()
    {
        var login = UniqueLogin("master");
        var id = await Service.CreateUserAsync(login, "Mona", "Master");
        var hash = (await Service.CallAsync("user/auth", new { login, password = ConsoleService.UserPassword })).GetProperty("hash").GetString();
        var subLogin = UniqueLogin("sub");
        var subId = (await Service.CallAsync("subuser/register", new { user = new { login = subLogin, first_name = "Sid", last_name = "Sub" }, password = ConsoleService.UserPassword }, hash)).GetProperty("id").GetInt64();
        await Service.AdminAsync("panel/user/mfa/settings/update", new { target = new { type = "selected", ids = new[] { id } }, settings = new { type = "allowed", factor_types = new[] { "email" } } });
        await Service.CallAsync("user/auth", new { login = subLogin, password = ConsoleService.UserPassword });

        await SignInToConsoleAsync();
        await Link("Security log").ClickAsync();
        var registered = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Sub-user registered" }).First;
        await Expect(registered).ToContainTextAsync($"User {subId}");
        await Expect(registered.GetByRole(AriaRole.Link)).ToHaveCountAsync(0);
        var codeSent = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Sign-in code sent" }).First;
        await Expect(codeSent).ToContainTextAsync($"User {subId}");
        await Expect(codeSent.GetByRole(AriaRole.Cell).Nth(4).GetByRole(AriaRole.Link)).ToHaveCountAsync(0);
        var created = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "User created" }).Filter(new() { HasText = $"User {id}" });
        await created.GetByRole(AriaRole.Link, new() { Name = $"User {id}" }).ClickAsync();
        await Expect(Heading("Mona Master")).ToBeVisibleAsync();
    }

    [Test]
    public async Task BadFilter_IsNamedBesideItsField_AndChangesNothing()
    {
        await SignInToConsoleAsync();
        await Link("Security log").ClickAsync();

        await Page.GetByLabel("User ID").FillAsync("abc");
        await Button("Apply").ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("User ID");
        await Expect(Page.GetByLabel("User ID")).ToHaveAttributeAsync("aria-invalid", "true");
        await ScreenAsync("security-log-bad-filter");

        // A time span the wrong way round reads as a sentence naming both fields by their labels.
        await Page.GetByLabel("User ID").FillAsync("");
        await Page.GetByLabel("From (UTC)").FillAsync("2026-12-02T10:15:30");
        await Page.GetByLabel("To (UTC)").FillAsync("2026-12-01T10:15:30");
        await Button("Apply").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("To (UTC) must not be before From (UTC)");
        await Expect(Page.GetByLabel("To (UTC)")).ToHaveAttributeAsync("aria-invalid", "true");
    }

    [Test]
    public async Task AccountWithOnlyAuditRead_StartsOnTheLog_AndIsOfferedNothingElse()
    {
        await Service.CreateUserAsync(UniqueLogin("listed"));
        var login = "auditor" + Guid.NewGuid().ToString("N")[..6];
        await Service.CreatePanelAccountAsync(login, "Auditor-Passw0rd", "audit:read");

        await Page.GotoAsync("/");
        await Page.GetByLabel("Login").FillAsync(login);
        await Page.GetByLabel("Password").FillAsync("Auditor-Passw0rd");
        await Button("Sign in").ClickAsync();

        await Expect(Heading("Security log")).ToBeVisibleAsync();
        await Expect(Link("Users")).ToHaveCountAsync(0);
        await Expect(Link("Settings")).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync(login);

        // Nothing leads to a screen this account may not see: not the logo, not a user named in the log.
        await Expect(Page.Locator(".brand")).ToHaveAttributeAsync("href", "#/security-log");
        await Page.GetByLabel("Action").SelectOptionAsync("user.create");
        await Button("Apply").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("User created");
        await Expect(Page.Locator("table").GetByRole(AriaRole.Link)).ToHaveCountAsync(0);
    }

    [Test]
    public async Task AccountWithoutAuditRead_IsNotOfferedTheLog()
    {
        var login = "noaudit" + Guid.NewGuid().ToString("N")[..6];
        await Service.CreatePanelAccountAsync(login, "Viewer-Passw0rd", "users:read");

        await SignInToConsoleAsync(login, "Viewer-Passw0rd");
        await Expect(Link("Users")).ToBeVisibleAsync();
        await Expect(Link("Security log")).ToHaveCountAsync(0);

        await Page.GotoAsync("/#/security-log");
        await Expect(Page.GetByText("Your account does not have permission to do this.")).ToBeVisibleAsync();
    }
}
