using Microsoft.Playwright;
using Navixy.Panel.Console.BrowserTests.Support;

namespace Navixy.Panel.Console.BrowserTests.Flows;

/// <summary>Create user: validation errors beside their fields, and the Security checkbox sent in the one create call.</summary>
[TestFixture("Sqlite")]
[NonParallelizable]
public sealed class CreateUserTests(string provider) : BrowserTest(provider)
{
    [Test]
    public async Task CheckboxPreTickedByTheDefault_GivesTheUserItsOwnSetting()
    {
        await Service.SetEveryoneAsync(true);
        var login = UniqueLogin("created");
        var creates = 0;
        Page.Request += (_, request) => creates += request.Url.EndsWith("/v2/panel/user/create", StringComparison.Ordinal) ? 1 : 0;

        await SignInToConsoleAsync();
        await Link("Create user").ClickAsync();
        await Expect(Heading("Create user")).ToBeVisibleAsync();
        var mfa = Page.GetByLabel("Two-factor authentication");
        await Expect(mfa).ToBeCheckedAsync();
        await Expect(Page.GetByText("Security settings will also be applied to all sub-users")).ToBeVisibleAsync();
        // The service requires both, so neither is offered as optional.
        await Expect(Page.GetByLabel("Locale", new() { Exact = true })).ToHaveAttributeAsync("aria-required", "true");
        await Expect(Page.GetByLabel("Time zone", new() { Exact = true })).ToHaveAttributeAsync("aria-required", "true");
        await Expect(Page.Locator("label[for='f-locale']")).Not.ToContainTextAsync("optional");
        await Expect(Page.Locator("label[for='f-time_zone']")).Not.ToContainTextAsync("optional");
        await ScreenAsync("create-user");

        // Legal name is required for a legal entity only, and says so only then.
        var legalName = Page.Locator("#f-legal_name");
        var legalNameLabel = Page.Locator("label[for='f-legal_name']");
        await Expect(legalNameLabel).ToContainTextAsync("(optional)");
        await Page.GetByLabel("Legal type").SelectOptionAsync("legal_entity");
        await Expect(legalNameLabel).Not.ToContainTextAsync("optional");
        await Expect(Page.GetByLabel("Legal name", new() { Exact = true })).ToHaveAttributeAsync("aria-required", "true");
        await Page.GetByLabel("Legal type").SelectOptionAsync("individual");
        await Expect(legalNameLabel).ToContainTextAsync("(optional)");
        await Expect(legalName).Not.ToHaveAttributeAsync("aria-required", "true");

        await Page.GetByLabel("Email (login)").FillAsync("not-an-email");
        await Button("Create user").ClickAsync();
        var summary = Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "There is a problem" });
        await Expect(summary).ToContainTextAsync("Email (login) must be a valid email address");
        await Expect(summary).ToContainTextAsync("First name is required");
        // Listed in the form's order, whatever the service's: the first link leads to the first field at fault.
        var items = summary.Locator("li");
        await Expect(items.Nth(0)).ToContainTextAsync("Email (login)");
        await Expect(items.Nth(1)).ToContainTextAsync("Password");
        await Expect(items.Nth(2)).ToContainTextAsync("First name");
        await Expect(items.Nth(3)).ToContainTextAsync("Last name");
        await Expect(Page.GetByLabel("First name")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Page.GetByText("Error: Password is required")).ToBeVisibleAsync();
        await ScreenAsync("create-user-errors");
        await summary.GetByRole(AriaRole.Link, new() { Name = "First name is required" }).ClickAsync();
        await Expect(Page.GetByLabel("First name")).ToBeFocusedAsync();

        await Page.GetByLabel("Email (login)").FillAsync(login);
        await Page.GetByLabel("Password").FillAsync("Created-Passw0rd");
        await Page.GetByLabel("First name").FillAsync("Cora");
        await Page.GetByLabel("Last name").FillAsync("Created");
        await Page.GetByLabel("City (optional)").FillAsync("Lisbon");
        await Button("Create user").ClickAsync();

        await Expect(Heading("Cora Created")).ToBeVisibleAsync();
        // The card the create opens says it was created; the same card opened again from the list does not.
        var created = Page.Locator(".notice").Filter(new() { HasText = "User created." });
        await Expect(created).ToBeVisibleAsync();
        await Expect(Page.GetByText("This account has its own setting.")).ToBeVisibleAsync();
        await Page.Locator(".breadcrumb").GetByRole(AriaRole.Link, new() { Name = "Users" }).ClickAsync();
        await SearchUsersAsync(login);
        await Link(login).ClickAsync();
        await Expect(Heading("Cora Created")).ToBeVisibleAsync();
        await Expect(created).ToHaveCountAsync(0);
        Assert.That(creates, Is.EqualTo(2), "one create call per submission, the Security setting in it");
        var id = (await Service.ListAsync(login)).Single().GetProperty("id").GetInt64();
        var read = await Service.AdminAsync("panel/user/read", new { user_id = id });
        Assert.That(Text(read.GetProperty("dealer_mfa_settings"), "type"), Is.EqualTo("allowed"));
    }

    [Test]
    public async Task UntickedCheckbox_CreatesAUserWithoutTwoFactor_EvenWhenTheDefaultAsksForIt()
    {
        await Service.SetEveryoneAsync(true);
        var login = UniqueLogin("unticked");

        await SignInToConsoleAsync();
        await Link("Create user").ClickAsync();
        await Expect(Page.GetByLabel("Two-factor authentication")).ToBeCheckedAsync();
        await Page.GetByLabel("Email (login)").FillAsync(login);
        await Page.GetByLabel("Password").FillAsync("Created-Passw0rd");
        await Page.GetByLabel("First name").FillAsync("Una");
        await Page.GetByLabel("Last name").FillAsync("Unticked");
        await Page.GetByLabel("Two-factor authentication").UncheckAsync();
        await Button("Create user").ClickAsync();

        await Expect(Heading("Una Unticked")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Switch, new() { Name = "Two-factor authentication" })).Not.ToBeCheckedAsync();
        var id = (await Service.ListAsync(login)).Single().GetProperty("id").GetInt64();
        Assert.That(await Service.MfaAllowedAsync(id), Is.False);
    }
}
