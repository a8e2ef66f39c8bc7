using Microsoft.Playwright;
using Navixy.Panel.Console.BrowserTests.Support;

namespace Navixy.Panel.Console.BrowserTests.Flows;

/// <summary>Who follows which setting: demo users stay exempt whatever is set; sub-users follow their account.</summary>
[TestFixture("Sqlite")]
[NonParallelizable]
public sealed class ExemptionAndInheritanceTests(string provider) : BrowserTest(provider)
{
    [SetUp]
    public Task StartFromEveryoneOff() => Service.SetEveryoneAsync(false);

    [Test]
    public async Task DemoUser_StaysExempt()
    {
        var demo = UniqueLogin("demo");
        await Service.CreateUserAsync(demo, "Dana", "Demo", demo: true);
        await Service.SetEveryoneAsync(true);

        await SignInToConsoleAsync();
        await SearchUsersAsync(demo);
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = demo });
        await Expect(row.GetByText("Exempt")).ToBeVisibleAsync();
        await Link(demo).ClickAsync();
        await Expect(Page.GetByText("Demo users are exempt from two-factor authentication")).ToBeVisibleAsync();

        await EnterPasswordAsync(demo);
        await Expect(Heading("You are signed in")).ToBeVisibleAsync();
    }

    [Test]
    public async Task SubUser_FollowsItsAccount()
    {
        var master = UniqueLogin("master");
        var sub = UniqueLogin("sub");
        await Service.CreateUserAsync(master, "Mia", "Master");
        var masterHash = Text(await Service.CallAsync("user/auth", new { login = master, password = ConsoleService.UserPassword }), "hash");
        await Service.CallAsync("subuser/register", new { user = new { login = sub, first_name = "Sam", last_name = "Sub" }, password = ConsoleService.UserPassword }, masterHash);

        await SignInToConsoleAsync();
        await SearchUsersAsync(master);
        await Link(master).ClickAsync();
        await Page.GetByRole(AriaRole.Switch, new() { Name = "Two-factor authentication" }).CheckAsync();
        await Expect(Page.GetByText("Two-factor authentication is now on for this user and its sub-users.")).ToBeVisibleAsync();

        await EnterPasswordAsync(sub);
        await Expect(Heading("Verification required")).ToBeVisibleAsync();
        await TypeCodeAsync(await Service.NextCodeAsync(sub));
        await Expect(Page.GetByText("Welcome, Sam Sub.")).ToBeVisibleAsync();
        await Expect(Page.GetByText("Sub-user of account")).ToBeVisibleAsync();
    }
}
