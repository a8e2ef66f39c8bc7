using Microsoft.Playwright;
using Navixy.Panel.Console.BrowserTests.Support;

namespace Navixy.Panel.Console.BrowserTests.Flows;

/// <summary>The console's panel session: wrong credentials, an ended session, and an account that may only read.</summary>
[TestFixture("Sqlite")]
[NonParallelizable]
public sealed class SessionAndPermissionTests(string provider) : BrowserTest(provider)
{
    [Test]
    public async Task WrongPassword_IsASentence()
    {
        await Page.GotoAsync("/");
        await Page.GetByLabel("Login").FillAsync("admin");
        await Page.GetByLabel("Password").FillAsync("not-the-password");
        await Button("Sign in").ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The login or password is not right.");
    }

    [Test]
    public async Task SessionEndedElsewhere_BringsTheSignInBackSayingWhy()
    {
        await SignInToConsoleAsync();
        var hash = await StoredHashAsync("navixy.panel.hash");
        Assert.That(hash, Does.Match("^[0-9a-f]{32}$"));
        Assert.That(await Page.EvaluateAsync<int>("() => localStorage.length"), Is.Zero, "nothing in localStorage");
        Assert.That(Page.Url, Does.Not.Contain(hash));
        await Service.CallAsync("panel/account/logout", new { }, hash);

        await Link("Settings").ClickAsync();

        await Expect(Heading("Sign in to Admin Panel")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Your session has ended (it expired or was signed out). Please sign in again.");
        await ScreenAsync("session-ended");
        Assert.That(await StoredHashAsync("navixy.panel.hash"), Is.Null);
    }

    [Test]
    public async Task TypedAddressOfNoUser_SaysNoUserHasThatId()
    {
        await SignInToConsoleAsync();

        // 0 is refused as a parameter (7), 999999999 as no such user (201): to a person both mean the same.
        foreach (var id in new[] { "0", "999999999" })
        {
            await Page.GotoAsync($"/#/users/{id}");
            await Expect(Heading("User not available")).ToBeVisibleAsync();
            await Expect(Page.GetByText("No master user of your dealer has this id.")).ToBeVisibleAsync();
        }
    }

    [Test]
    public async Task SignOut_EndsTheSessionOnTheServer()
    {
        await SignInToConsoleAsync();
        var hash = await StoredHashAsync("navixy.panel.hash");

        await Button("Sign out").ClickAsync();

        await Expect(Page.GetByText("You have signed out.")).ToBeVisibleAsync();
        var reply = await Service.TryCallAsync("panel/account/get_permissions", new { }, hash);
        Assert.That(reply.GetProperty("status").GetProperty("code").GetInt32(), Is.EqualTo(4));
    }

    [Test]
    public async Task AccountWithoutUsersUpdate_IsOfferedNoChangeControls()
    {
        var login = "viewer" + Guid.NewGuid().ToString("N")[..6];
        await Service.CreatePanelAccountAsync(login, "Viewer-Passw0rd", "users:read");
        var user = UniqueLogin("viewed");
        await Service.CreateUserAsync(user, "Vera", "Viewed");

        await SignInToConsoleAsync(login, "Viewer-Passw0rd");
        await Expect(Page.GetByRole(AriaRole.Row).Filter(new() { HasText = user })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Checkbox)).ToHaveCountAsync(0);
        await Expect(Link("Create user")).ToHaveCountAsync(0);
        await Expect(Link("Import users")).ToHaveCountAsync(0);
        await ScreenAsync("users-read-only");

        await Link(user).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Switch, new() { Name = "Two-factor authentication" })).ToBeDisabledAsync();
        await Expect(Page.GetByText("Your account can view this setting but not change it.")).ToBeVisibleAsync();

        await Link("Settings").ClickAsync();
        await Expect(Page.GetByLabel("Email")).ToBeDisabledAsync();
        await Expect(Button("Save")).ToHaveCountAsync(0);
        await Expect(Page.GetByText("Your account can view these settings but not change them.")).ToBeVisibleAsync();

        await Page.GotoAsync("/#/users/new");
        await Expect(Page.GetByText("Your account does not have permission to do this.")).ToBeVisibleAsync();
    }
}
