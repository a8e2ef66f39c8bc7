using Microsoft.Playwright;
using Navixy.Panel.Console.BrowserTests.Support;

namespace Navixy.Panel.Console.BrowserTests.Flows;

/// <summary>The users list with nobody to show: a new dealer's first step, and a way out of a search that found nobody.</summary>
[TestFixture("Sqlite")]
[NonParallelizable]
public sealed class EmptyListTests(string provider) : BrowserTest(provider)
{
    [Test]
    public async Task NewDealer_IsPointedToCreateAndImport_AndAReadOnlyAccountIsNot()
    {
        var dealerId = await Service.CreateDealerAsync("Empty dealer");
        var manager = UniqueLogin("first-hour");
        var viewer = UniqueLogin("first-hour-viewer");
        await Service.CreatePanelAccountAsync(manager, "Manager-Passw0rd", "users:read,users:create,users:update", dealerId);
        await Service.CreatePanelAccountAsync(viewer, "Viewer-Passw0rd", "users:read", dealerId);

        await SignInToConsoleAsync(manager, "Manager-Passw0rd");
        var empty = Page.Locator(".empty");
        await Expect(empty).ToContainTextAsync("No users yet.");
        await Expect(empty).ToContainTextAsync("Add the first with Create user, or many at once from a CSV file with Import users, above.");
        await Expect(Link("Create user")).ToBeVisibleAsync();
        await Expect(Link("Import users")).ToBeVisibleAsync();
        await ScreenAsync("users-empty");

        await Button("Sign out").ClickAsync();
        await Expect(Page.GetByText("You have signed out.")).ToBeVisibleAsync();
        await SignInToConsoleAsync(viewer, "Viewer-Passw0rd");
        await Expect(empty).ToHaveTextAsync("No users yet.");
    }

    [Test]
    public async Task SearchThatFindsNobody_OffersShowAllUsers_WhichClearsTheSearchAndFilter()
    {
        var login = UniqueLogin("findable");
        await Service.CreateUserAsync(login, "Finn", "Findable");
        await SignInToConsoleAsync();
        await Page.GetByLabel("Two-factor authentication", new() { Exact = true }).SelectOptionAsync("false");
        await Page.GetByLabel("Search users").FillAsync("nobody-" + Guid.NewGuid().ToString("N")[..8]);
        await Button("Search").ClickAsync();
        await Expect(Page.Locator(".empty")).ToContainTextAsync("No users with two-factor authentication off match");

        await Button("Show all users").ClickAsync();
        await Expect(Page.GetByLabel("Search users")).ToBeFocusedAsync();
        await Expect(Page.GetByLabel("Search users")).ToHaveValueAsync(string.Empty);
        await Expect(Page.GetByLabel("Two-factor authentication", new() { Exact = true })).ToHaveValueAsync(string.Empty);
        await Expect(Page.GetByRole(AriaRole.Row).Filter(new() { HasText = login })).ToBeVisibleAsync();
    }
}
