using Microsoft.Playwright;
using Navixy.Panel.Console.BrowserTests.Support;

namespace Navixy.Panel.Console.BrowserTests.Flows;

/// <summary>The end user's /sign-in page: the code boxes, Resend with its countdown and the 15 answer, wrong codes.</summary>
[TestFixture("Sqlite")]
[NonParallelizable]
public sealed class EndUserSignInTests(string provider) : BrowserTest(provider)
{
    [OneTimeSetUp]
    public Task EveryoneAsksForACode() => Service.SetEveryoneAsync(true);

    [Test]
    public async Task WrongPassword_IsASentence()
    {
        var login = UniqueLogin("wrongpw");
        await Service.CreateUserAsync(login);
        await Page.GotoAsync("/sign-in");
        await ScreenAsync("sign-in");

        await EnterPasswordAsync(login, "Not-The-Passw0rd");

        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The email or password is not right.");
    }

    [Test]
    public async Task ResendCountsDown_AndTooSoonIsASentence()
    {
        var login = UniqueLogin("resend");
        await Service.CreateUserAsync(login);

        await EnterPasswordAsync(login);
        await Expect(Heading("Verification required")).ToBeVisibleAsync();
        var resend = Button("Resend code");
        await Expect(resend).ToBeDisabledAsync();
        await Expect(Page.GetByText(new System.Text.RegularExpressions.Regex(@"You can ask for a new code in (60|59|58|57) s"))).ToBeVisibleAsync();
        await Expect(Page.GetByText(new System.Text.RegularExpressions.Regex(@"You can ask for a new code in (5[0-8]) s"))).ToBeVisibleAsync(new() { Timeout = 5_000 });

        // A reload resumes the countdown from when the code was sent, kept beside the pending sign-in.
        await Page.ReloadAsync();
        await Expect(Heading("Verification required")).ToBeVisibleAsync();
        await Expect(resend).ToBeDisabledAsync();
        await Expect(Page.GetByText(new System.Text.RegularExpressions.Regex(@"You can ask for a new code in (5[0-8]|[1-4]\d) s"))).ToBeVisibleAsync();

        // A page that believes the minute is over (its kept time lost) still meets the service's refusal, 15, as a sentence.
        await Page.EvaluateAsync("k => { const p = JSON.parse(sessionStorage.getItem(k)); p.sentAt = 0; sessionStorage.setItem(k, JSON.stringify(p)); }", "navixy.user.pending");
        await Page.ReloadAsync();
        await Expect(resend).ToBeEnabledAsync();
        await resend.ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("A new code can be sent only once a minute");
        await Expect(resend).ToBeDisabledAsync();
        await ScreenAsync("sign-in-resend-too-soon");

        await TypeCodeAsync(await Service.NextCodeAsync(login));
        await Expect(Heading("You are signed in")).ToBeVisibleAsync();
        await Expect(Heading("You are signed in")).ToBeFocusedAsync();
    }

    [Test]
    public async Task WrongGuesses_AreStillCounted_AfterAReload()
    {
        var login = UniqueLogin("reloaded");
        await Service.CreateUserAsync(login);

        await EnterPasswordAsync(login);
        var wrong = WrongCodeFor(await Service.NextCodeAsync(login));
        await TypeCodeAsync(wrong);
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("(4 tries left for this code.)");
        await TypeCodeAsync(wrong);
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("(3 tries left for this code.)");

        await Page.ReloadAsync();
        await TypeCodeAsync(wrong);
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("(2 tries left for this code.)");
    }

    [Test]
    public async Task SentCode_KeepsResendDisabled_WithoutAMomentEnabled()
    {
        var login = UniqueLogin("resent");
        await Service.CreateUserAsync(login);
        await EnterPasswordAsync(login);
        await Expect(Heading("Verification required")).ToBeVisibleAsync();

        // The minute is taken as over (the kept send time is moved back) and the service's answer stands in for a
        // real resend, so the page's own handling of a sent code is what is watched.
        await Page.EvaluateAsync("k => { const p = JSON.parse(sessionStorage.getItem(k)); p.sentAt = 0; sessionStorage.setItem(k, JSON.stringify(p)); }", "navixy.user.pending");
        await Page.ReloadAsync();
        await Page.RouteAsync("**/v2/user/auth/code/resend", route => route.FulfillAsync(new() { ContentType = "application/json", Body = "{\"success\":true}" }));
        var resend = Button("Resend code");
        await Expect(resend).ToBeEnabledAsync();
        await resend.EvaluateAsync("button => { window.resendStates = []; new MutationObserver(() => window.resendStates.push(button.disabled || button.getAttribute('aria-disabled') === 'true')).observe(button, { attributes: true }); }");
        await resend.ClickAsync();

        await Expect(Page.GetByText($"A new code was sent to {login}.")).ToBeVisibleAsync();
        await Expect(Page.GetByText(new System.Text.RegularExpressions.Regex(@"You can ask for a new code in (60|59|58|57) s"))).ToBeVisibleAsync();
        var states = await Page.EvaluateAsync<bool[]>("() => window.resendStates");
        Assert.That(states, Is.Not.Empty.And.All.True, "Resend code was enabled for a moment after the code was sent");
        await Expect(resend).ToBeDisabledAsync();
    }

    [Test]
    public async Task FiveWrongCodes_VoidTheCode()
    {
        var login = UniqueLogin("wrongcode");
        await Service.CreateUserAsync(login);

        await EnterPasswordAsync(login);
        var code = await Service.NextCodeAsync(login);
        var wrong = code == "000000" ? "111111" : "000000";
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await TypeCodeAsync(wrong);
            await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync($"That code is not right or has expired. Check the latest email and try again. ({5 - attempt} {(5 - attempt == 1 ? "try" : "tries")} left for this code.)");
        }

        await ScreenAsync("sign-in-wrong-code");
        await TypeCodeAsync(wrong);
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("That code was wrong five times, so it no longer works.");

        await TypeCodeAsync(code);
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("That code was wrong five times");
        await Expect(Heading("Verification required")).ToBeVisibleAsync();
    }

    [Test]
    public async Task DigitBoxes_TakeDigitsOnly_AndBackspaceMovesBack()
    {
        var login = UniqueLogin("keys");
        await Service.CreateUserAsync(login);

        await EnterPasswordAsync(login);
        await Page.GetByLabel("Digit 1 of 6").FocusAsync();
        await Page.Keyboard.TypeAsync("1a2");
        await Expect(Page.GetByLabel("Digit 1 of 6")).ToHaveValueAsync("1");
        await Expect(Page.GetByLabel("Digit 2 of 6")).ToHaveValueAsync("2");
        await Expect(Page.GetByLabel("Digit 3 of 6")).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Backspace");
        await Expect(Page.GetByLabel("Digit 2 of 6")).ToBeFocusedAsync();
        await Expect(Page.GetByLabel("Digit 2 of 6")).ToHaveValueAsync(string.Empty);
    }

    [Test]
    public async Task TooManyFailedPasswords_IsASentence()
    {
        var login = UniqueLogin("locked");
        await Service.CreateUserAsync(login);
        for (var attempt = 0; attempt < 10; attempt++)
        {
            await Service.TryCallAsync("user/auth", new { login, password = "Wrong-Passw0rd" });
        }

        await EnterPasswordAsync(login);

        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Too many failed sign-in attempts or wrong codes for this account. Try again in 15 minutes.");
    }

    [Test]
    public async Task TenWrongCodesOverAllSignIns_LockTheAccount()
    {
        var login = UniqueLogin("guessed");
        await Service.CreateUserAsync(login);
        // Nine wrong codes over two earlier sign-ins; the account's limit is ten in 15 minutes, whichever session.
        foreach (var (wrongCodes, mailed) in new[] { (5, 0), (4, 1) })
        {
            var hash = (await Service.CallAsync("user/auth", new { login, password = ConsoleService.UserPassword })).GetProperty("hash").GetString();
            var wrong = WrongCodeFor(await Service.NextCodeAsync(login, mailed));
            for (var attempt = 0; attempt < wrongCodes; attempt++)
            {
                await Service.TryCallAsync("user/auth/code/verify", new { code = wrong }, hash);
            }
        }

        await EnterPasswordAsync(login);
        var code = await Service.NextCodeAsync(login, 2);
        await TypeCodeAsync(WrongCodeFor(code));
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("That code is not right or has expired.");
        await TypeCodeAsync(code);
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Too many failed sign-in attempts or wrong codes for this account. Try again in 15 minutes.");

        await Button("Use a different account").ClickAsync();
        await EnterPasswordAsync(login);
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Too many failed sign-in attempts or wrong codes for this account.");
    }

    [Test]
    public async Task FiveCodeMailsIn15Minutes_IsASentenceWithTheWait()
    {
        var login = UniqueLogin("mailcap");
        await Service.CreateUserAsync(login);
        for (var signIn = 0; signIn < 5; signIn++)
        {
            await Service.CallAsync("user/auth", new { login, password = ConsoleService.UserPassword });
        }

        await EnterPasswordAsync(login);

        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync(new System.Text.RegularExpressions.Regex("Too many codes were sent to this email. Wait 1[45] minutes and try again."));
        await Expect(Heading("Sign in")).ToBeVisibleAsync();
    }

    [Test]
    public async Task SecondFactorHashOnTheSignedInView_AsksToSignInAgain()
    {
        var login = UniqueLogin("halfway");
        await Service.CreateUserAsync(login);
        var hash = (await Service.CallAsync("user/auth", new { login, password = ConsoleService.UserPassword })).GetProperty("hash").GetString();
        await Page.GotoAsync("/sign-in");

        // The hash alone, without the pending step: the page shows the signed-in view and user/get_info answers 276.
        await Page.EvaluateAsync("h => sessionStorage.setItem('navixy.user.hash', h)", hash);
        await Page.ReloadAsync();

        await Expect(Page.GetByText("This session still needs its verification code.")).ToBeVisibleAsync();
        await Expect(Page.GetByLabel("Email")).ToBeVisibleAsync();
        Assert.That(await StoredHashAsync("navixy.user.hash"), Is.Null);
    }

    [Test]
    public async Task BlockedDealer_EndsTheSignIn_WithASentence()
    {
        var dealerId = await Service.CreateDealerAsync("Blocked later");
        var panelLogin = UniqueLogin("dealer");
        await Service.CreatePanelAccountAsync(panelLogin, ConsoleService.AdminPassword, "users:read,users:update,users:create", dealerId);
        var panel = (await Service.CallAsync("panel/account/auth", new { login = panelLogin, password = ConsoleService.AdminPassword })).GetProperty("hash").GetString();
        var settings = new { type = "allowed", factor_types = new[] { "email" } };
        await Service.CallAsync("panel/user/mfa/settings/default/update", new { settings }, panel);
        var login = UniqueLogin("blocked");
        await Service.CallAsync("panel/user/create", new
        {
            user = new { login, first_name = "Test", last_name = "User", legal_type = "individual" },
            password = ConsoleService.UserPassword,
            locale = "en_US",
            time_zone = "UTC",
        }, panel);
        await EnterPasswordAsync(login);
        await Expect(Heading("Verification required")).ToBeVisibleAsync();

        await Service.BlockDealerAsync(dealerId);
        await TypeCodeAsync(await Service.NextCodeAsync(login));

        const string Blocked = "Sign-in is blocked for this account's provider. Contact your service provider.";
        await Expect(Page.GetByText(Blocked)).ToBeVisibleAsync();
        await Expect(Page.GetByLabel("Email")).ToBeVisibleAsync();
        Assert.That(await StoredHashAsync("navixy.user.hash"), Is.Null);
        await EnterPasswordAsync(login);
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync(Blocked);
    }

    private static string WrongCodeFor(string code) => code == "000000" ? "111111" : "000000";
}
