using Microsoft.Playwright;
using Navixy.Panel.Console.BrowserTests.Support;

namespace Navixy.Panel.Console.BrowserTests.Flows;

/// <summary>
/// Settings → Security turns two-factor authentication on for everyone; end users then sign in with the emailed code;
/// the user card turns it off for one; demo users stay exempt; sub-users follow their account.
/// </summary>
[TestFixture("Sqlite")]
[TestFixture("Postgres")]
[NonParallelizable]
public sealed class SecurityFlowTests(string provider) : BrowserTest(provider)
{
    [SetUp]
    public Task StartFromEveryoneOff() => Service.SetEveryoneAsync(false);

    [Test, Order(1)]
    public async Task AdminTurnsOnForAll_ThenUsersSignInWithTypedAndPastedCodes()
    {
        var typist = UniqueLogin("typist");
        var paster = UniqueLogin("paster");
        await Service.CreateUserAsync(typist, "Tina", "Typist");
        await Service.CreateUserAsync(paster, "Paul", "Paster");

        await Page.GotoAsync("/");
        await ScreenAsync("console-sign-in");
        await SignInToConsoleAsync();
        await Link("Settings").ClickAsync();
        await Expect(Heading("Security")).ToBeVisibleAsync();
        await Expect(Page.GetByText("The security settings will be applied to all platform users, except the demo user")).ToBeVisibleAsync();
        var email = Page.GetByLabel("Email");
        await Expect(email).Not.ToBeCheckedAsync();
        await Expect(Page.GetByLabel("Authenticator apps")).ToBeDisabledAsync();
        await Expect(Page.GetByLabel("SMS")).ToBeDisabledAsync();
        await ScreenAsync("security");

        await email.CheckAsync();
        await Button("Save").ClickAsync();
        var dialog = Dialog("Apply security settings?");
        await Expect(dialog).ToContainTextAsync("applied to all platform users and sub-users, except the demo user");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(email).Not.ToBeCheckedAsync();
        var stored = (await Service.AdminAsync("panel/user/mfa/settings/default/read", new { })).GetProperty("value");
        Assert.That(Text(stored, "type"), Is.EqualTo("disallowed"), "Cancel changes nothing");

        await email.CheckAsync();
        await Button("Save").ClickAsync();
        await Expect(dialog).ToBeVisibleAsync();
        await ScreenAsync("security-confirm");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(Page.GetByText("Two-factor authentication by email is now on for all users")).ToBeVisibleAsync();
        await ScreenAsync("security-applied");

        await EnterPasswordAsync(typist);
        await Expect(Heading("Verification required")).ToBeVisibleAsync();
        await Expect(Page.GetByText("Enter the code sent to " + typist)).ToBeVisibleAsync();
        await Expect(Page.GetByLabel("Digit 1 of 6")).ToHaveAttributeAsync("autocomplete", "one-time-code");
        await Expect(Page.GetByLabel("Digit 4 of 6")).ToHaveAttributeAsync("inputmode", "numeric");
        await ScreenAsync("sign-in-code");
        await TypeCodeAsync(await Service.NextCodeAsync(typist));
        await Expect(Heading("You are signed in")).ToBeVisibleAsync();
        await Expect(Page.GetByText("Welcome, Tina Typist.")).ToBeVisibleAsync();
        await ScreenAsync("signed-in");

        await Button("Sign out").ClickAsync();
        await Expect(Page.GetByText("You have signed out.")).ToBeVisibleAsync();
        await Page.GetByLabel("Email").FillAsync(paster);
        await Page.GetByLabel("Password").FillAsync(ConsoleService.UserPassword);
        await Button("Sign in").ClickAsync();
        var code = await Service.NextCodeAsync(paster);
        await Page.GetByLabel("Digit 1 of 6").EvaluateAsync(
            "(box, text) => { const data = new DataTransfer(); data.setData('text', text); box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })); }",
            $" {code[..3]}-{code[3..]} ");
        for (var i = 0; i < 6; i++)
        {
            await Expect(Page.GetByLabel($"Digit {i + 1} of 6")).ToHaveValueAsync(code[i].ToString());
        }

        await Button("Verify").ClickAsync();
        await Expect(Page.GetByText("Welcome, Paul Paster.")).ToBeVisibleAsync();
    }

    [Test, Order(2)]
    public async Task EditUserTurnsItOffForOne_WhoThenSignsInWithoutACode()
    {
        var relaxed = UniqueLogin("relaxed");
        var id = await Service.CreateUserAsync(relaxed, "Rita", "Relaxed");
        await Service.SetEveryoneAsync(true);

        await SignInToConsoleAsync();
        await Page.GetByLabel("Search users").FillAsync(relaxed);
        await Link(relaxed).ClickAsync();
        await Expect(Heading("Rita Relaxed")).ToBeVisibleAsync();
        var toggle = Page.GetByRole(AriaRole.Switch, new() { Name = "Two-factor authentication" });
        await Expect(toggle).ToBeCheckedAsync();
        await ScreenAsync("user-card");
        await toggle.UncheckAsync();
        await Expect(Page.GetByText("Two-factor authentication is now off for this user and its sub-users.")).ToBeVisibleAsync();
        Assert.That(await Service.MfaAllowedAsync(id), Is.False);

        await EnterPasswordAsync(relaxed);
        await Expect(Heading("You are signed in")).ToBeVisibleAsync();
        Assert.That(Mailbox(relaxed), Is.Empty, "no code was sent");
    }

    [Test, Order(3)]
    public async Task DemoUser_StaysExempt()
    {
        var demo = UniqueLogin("demo");
        await Service.CreateUserAsync(demo, "Dana", "Demo", demo: true);
        await Service.SetEveryoneAsync(true);

        await SignInToConsoleAsync();
        await Page.GetByLabel("Search users").FillAsync(demo);
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = demo });
        await Expect(row.GetByText("Exempt")).ToBeVisibleAsync();
        await Link(demo).ClickAsync();
        await Expect(Page.GetByText("Demo users are exempt from two-factor authentication")).ToBeVisibleAsync();

        await EnterPasswordAsync(demo);
        await Expect(Heading("You are signed in")).ToBeVisibleAsync();
    }

    [Test, Order(4)]
    public async Task SubUser_FollowsItsAccount()
    {
        var master = UniqueLogin("master");
        var sub = UniqueLogin("sub");
        await Service.CreateUserAsync(master, "Mia", "Master");
        var masterHash = Text(await Service.CallAsync("user/auth", new { login = master, password = ConsoleService.UserPassword }), "hash");
        await Service.CallAsync("subuser/register", new { user = new { login = sub, first_name = "Sam", last_name = "Sub" }, password = ConsoleService.UserPassword }, masterHash);

        await SignInToConsoleAsync();
        await Page.GetByLabel("Search users").FillAsync(master);
        await Link(master).ClickAsync();
        await Page.GetByRole(AriaRole.Switch, new() { Name = "Two-factor authentication" }).CheckAsync();
        await Expect(Page.GetByText("Two-factor authentication is now on for this user and its sub-users.")).ToBeVisibleAsync();

        await EnterPasswordAsync(sub);
        await Expect(Heading("Verification required")).ToBeVisibleAsync();
        await TypeCodeAsync(await Service.NextCodeAsync(sub));
        await Expect(Page.GetByText("Welcome, Sam Sub.")).ToBeVisibleAsync();
        await Expect(Page.GetByText("Sub-user of account")).ToBeVisibleAsync();
    }

    private string[] Mailbox(string login) => Navixy.Panel.Api.FunctionalTests.Support.Mailbox.CodesFor(Service.MailFolder, login);
}
