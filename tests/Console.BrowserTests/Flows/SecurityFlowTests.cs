using Microsoft.Playwright;
using Navixy.Panel.Console.BrowserTests.Support;

namespace Navixy.Panel.Console.BrowserTests.Flows;

/// <summary>
/// Settings → Security turns two-factor authentication on for everyone; end users then sign in with the emailed code;
/// the user card turns it off for one, who then signs in without a code.
/// </summary>
[TestFixture("Sqlite")]
[TestFixture("Postgres")]
[NonParallelizable]
public sealed class SecurityFlowTests(string provider) : BrowserTest(provider)
{
    [SetUp]
    public Task StartFromEveryoneOff() => Service.SetEveryoneAsync(false);

    [Test, Order(0)]
    public async Task SlowDefault_IsShownAsLoading_NotAsOff()
    {
        await SignInToConsoleAsync();
        await Page.RouteAsync("**/v2/panel/user/mfa/settings/default/read", async route =>
        {
            await Task.Delay(2_000);
            await route.ContinueAsync();
        });
        await Link("Settings").ClickAsync();

        await Expect(Page.GetByText("Loading the current settings…")).ToBeVisibleAsync();
        var email = Page.GetByLabel("Email");
        await Expect(email).ToBeDisabledAsync();
        Assert.That(await email.EvaluateAsync<bool>("box => box.indeterminate"), Is.True, "an unknown setting reads as neither on nor off");
        await Expect(email).ToBeEnabledAsync();
        await Expect(Page.GetByText("Loading the current settings…")).ToHaveCountAsync(0);
        Assert.That(await email.EvaluateAsync<bool>("box => box.indeterminate"), Is.False);
        await Expect(email).Not.ToBeCheckedAsync();
    }

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
        await Expect(Button("Save")).ToBeDisabledAsync();
        // Save, disabled by the cancel, cannot keep focus: it goes to the checkbox Save would have saved.
        await Expect(email).ToBeFocusedAsync();
        await email.CheckAsync();
        await Button("Save").ClickAsync();
        await Expect(dialog).ToBeVisibleAsync();
        await Page.Keyboard.PressAsync("Escape");
        await Expect(email).Not.ToBeCheckedAsync();
        await Expect(email).ToBeFocusedAsync();
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
        await SearchUsersAsync(relaxed);
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
    public async Task SecondCallFails_SaysWhatWasApplied_AndRetryFinishesIt()
    {
        var login = UniqueLogin("retry");
        var id = await Service.CreateUserAsync(login);
        await Service.SetEveryoneAsync(false);
        // The connection drops on the first "update all" only, as a network failure would; the dry run before the
        // dialog goes through.
        var dropped = false;
        await Page.RouteAsync("**/v2/panel/user/mfa/settings/update", async route =>
        {
            var dryRun = System.Text.Json.Nodes.JsonNode.Parse(route.Request.PostData!)!["dry_run"]?.GetValue<bool>() == true;
            if (!dropped && !dryRun)
            {
                dropped = true;
                await route.AbortAsync("connectionreset");
                return;
            }

            await route.ContinueAsync();
        });

        await SignInToConsoleAsync();
        await Link("Settings").ClickAsync();
        await Page.GetByLabel("Email").CheckAsync();
        await Button("Save").ClickAsync();
        await Dialog("Apply security settings?").GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();

        var partial = Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Applied only in part" });
        await Expect(partial).ToContainTextAsync("The default is saved: two-factor authentication on for new users and for users who follow the default. Applying it to all users failed, so users with a setting of their own keep it.");
        await Expect(Button("Save")).ToBeDisabledAsync();
        await ScreenAsync("security-partial");
        Assert.That(await Service.MfaAllowedAsync(id), Is.False, "a user with its own setting was not changed");

        await Button("Retry").ClickAsync();
        await Expect(Page.GetByText("Two-factor authentication by email is now on for all users")).ToBeVisibleAsync();
        Assert.That(await Service.MfaAllowedAsync(id), Is.True);
    }

    private string[] Mailbox(string login) => Navixy.Panel.Api.FunctionalTests.Support.Mailbox.CodesFor(Service.MailFolder, login);
}
