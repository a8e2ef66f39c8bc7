using Microsoft.Playwright;
using Navixy.Panel.Api.FunctionalTests.Support;
using Navixy.Panel.Console.BrowserTests.Support;

namespace Navixy.Panel.Console.BrowserTests.Flows;

/// <summary>The sign-in page when the code mail cannot be sent (209): SMTP delivery to a port nobody listens on.</summary>
[TestFixture("Sqlite")]
[NonParallelizable]
public sealed class MailFailureTests(string provider) : BrowserTest(provider)
{
    protected override string[] Settings => ["--Email:Delivery=Smtp", "--Email:Smtp:Host=127.0.0.1", $"--Email:Smtp:Port={Ports.Free()}", "--Email:Smtp:From=no-reply@example.com"];

    [OneTimeSetUp]
    public Task EveryoneAsksForACode() => Service.SetEveryoneAsync(true);

    [Test]
    public async Task CodeMailNotSent_IsASentence_AndTheSignInStaysOnThePassword()
    {
        var login = UniqueLogin("nomail");
        await Service.CreateUserAsync(login);

        await EnterPasswordAsync(login);

        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The email with your code could not be sent. Try again in a moment.");
        await Expect(Heading("Sign in")).ToBeVisibleAsync();
        Assert.That(await StoredHashAsync("navixy.user.hash"), Is.Null);
    }
}
