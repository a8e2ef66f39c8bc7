using Microsoft.Playwright;
using Navixy.Panel.Console.BrowserTests.Support;

namespace Navixy.Panel.Console.BrowserTests.Flows;

/// <summary>
/// Keyboard focus stays where the person was after each action that rebuilds controls (sorting, paging, selecting),
/// dialogs give it back to what opened them, and the phone header is tabbed in the order it is seen.
/// </summary>
[TestFixture("Sqlite")]
[NonParallelizable]
public sealed class KeyboardFocusTests(string provider) : BrowserTest(provider)
{
    private const int Users = 30;

    private readonly string _prefix = "focus" + Guid.NewGuid().ToString("N")[..6];

    [OneTimeSetUp]
    public Task ImportTheUsers() => Service.UploadUsersAsync(_prefix, Users);

    [SetUp]
    public Task StartFromEveryoneOff() => Service.SetEveryoneAsync(false);

    [Test]
    public async Task UsersList_KeepsFocusOnThePressedControl_WhenItIsRebuilt()
    {
        await SignInToConsoleAsync();
        await SearchUsersAsync(_prefix);
        await Expect(Page.GetByText($"1–25 of {Users}")).ToBeVisibleAsync();

        await Button("Login").PressAsync("Enter");
        await Expect(Page.GetByRole(AriaRole.Columnheader, new() { Name = "Login" })).ToHaveAttributeAsync("aria-sort", "ascending");
        await Expect(Button("Login")).ToBeFocusedAsync();

        // Next is disabled on the last page, so focus goes to Previous; on the first page the other way round.
        await Button("Next").PressAsync("Enter");
        await Expect(Page.GetByText($"26–{Users} of {Users}")).ToBeVisibleAsync();
        await Expect(Button("Previous")).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.GetByText($"1–25 of {Users}")).ToBeVisibleAsync();
        await Expect(Button("Next")).ToBeFocusedAsync();

        var pageBox = Page.GetByLabel("Select all users on this page");
        await pageBox.PressAsync(" ");
        await Expect(Page.GetByText("25 selected")).ToBeVisibleAsync();
        await Expect(pageBox).ToBeFocusedAsync();

        await Button($"Select all {Users} users").PressAsync("Enter");
        await Expect(Page.GetByText($"{Users} selected")).ToBeVisibleAsync();
        await Expect(Page.GetByText($"{Users} selected")).ToBeFocusedAsync();

        await Button("Clear selection").PressAsync("Enter");
        await Expect(Page.Locator(".bulk-bar")).ToBeHiddenAsync();
        await Expect(pageBox).ToBeFocusedAsync();

        var size = Page.GetByLabel("Rows per page");
        await size.FocusAsync();
        await Page.Keyboard.PressAsync("ArrowDown");
        await Expect(Page.GetByText($"1–{Users} of {Users}")).ToBeVisibleAsync();
        await Expect(size).ToBeFocusedAsync();
        Assert.That(await Page.EvaluateAsync<string>("() => document.activeElement.id"), Is.EqualTo("page-size"));
    }

    [Test]
    public async Task BulkDialog_OpensOnCancel_AndGivesFocusBackToItsButton()
    {
        await SignInToConsoleAsync();
        await SearchUsersAsync($"{_prefix}001@");
        await Expect(Page.GetByText("1–1 of 1")).ToBeVisibleAsync();
        await Page.GetByLabel("Select all users on this page").CheckAsync();

        var enable = Button("Enable 2FA");
        await enable.PressAsync("Enter");
        var dialog = Dialog("Enable two-factor authentication?");
        await Expect(dialog).ToContainTextAsync("Turns two-factor authentication on for 1 user.");
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" })).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(enable).ToBeFocusedAsync();

        // Applied: the selection is done with, so focus goes to the box that starts a new one, not to <body>.
        await enable.PressAsync("Enter");
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" })).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.GetByText("Two-factor authentication enabled: applied to 1 of 1 selected user (1 of 1 batch).")).ToBeVisibleAsync();
        await Expect(Page.GetByLabel("Select all users on this page")).ToBeFocusedAsync();
    }

    [Test]
    public async Task UserCardSwitch_KeepsFocus_WhileItsChangeIsSaved()
    {
        await SignInToConsoleAsync();
        await SearchUsersAsync($"{_prefix}002@");
        await Link($"{_prefix}002@example.com").ClickAsync();
        var toggle = Page.GetByRole(AriaRole.Switch, new() { Name = "Two-factor authentication" });

        await toggle.PressAsync(" ");
        await Expect(Page.GetByText("Two-factor authentication is now on for this user and its sub-users.")).ToBeVisibleAsync();
        await Expect(toggle).ToBeFocusedAsync();
        await Expect(toggle).ToBeCheckedAsync();
        await Expect(toggle).Not.ToHaveAttributeAsync("aria-disabled", "true");
    }

    [Test]
    public async Task PhoneHeader_IsTabbedInTheOrderItIsSeen()
    {
        await Page.SetViewportSizeAsync(390, 844);
        await SignInToConsoleAsync();

        // Each control of the header, in tab order, starts right of the one before on its row, or on a lower row.
        var boxes = await Page.EvaluateAsync<double[][]>(
            """
            () => [...document.querySelectorAll('.topbar a, .topbar button')]
              .filter((e) => e.offsetParent !== null)
              .map((e) => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })
            """);
        Assert.That(boxes, Has.Length.EqualTo(6), "logo, Users, Settings, Security log, API reference, Sign out");
        for (var i = 1; i < boxes.Length; i++)
        {
            var (before, next) = (boxes[i - 1], boxes[i]);
            var lowerRow = next[1] >= before[3] - 1;
            var sameRowFurtherRight = Math.Abs(next[1] - before[1]) < 12 && next[0] >= before[2] - 1;
            Assert.That(lowerRow || sameRowFurtherRight, Is.True, $"control {i + 1} of the header is seen before control {i}");
        }
    }
}
