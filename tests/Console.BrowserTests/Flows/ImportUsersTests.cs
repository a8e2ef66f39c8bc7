using Microsoft.Playwright;
using Navixy.Panel.Console.BrowserTests.Support;

namespace Navixy.Panel.Console.BrowserTests.Flows;

/// <summary>Import users: a CSV file with a bad row is refused whole with the row named; a good file imports.</summary>
[TestFixture("Sqlite")]
[NonParallelizable]
public sealed class ImportUsersTests(string provider) : BrowserTest(provider)
{
    [Test]
    public async Task FileWithABadRow_IsRefusedWithTheRowListed_ThenTheCorrectedFileImports()
    {
        var good = UniqueLogin("import");
        var other = UniqueLogin("import");
        const string Header = "login;first_name;last_name;legal_type;password\n";
        var bad = $"{Header}{good};Ivy;Import;individual;Import-Passw0rd\nnot-an-email;Ian;Import;individual;Import-Passw0rd\n";
        var fixedFile = $"{Header}{good};Ivy;Import;individual;Import-Passw0rd\n{other};Ian;Import;individual;Import-Passw0rd\n";

        await SignInToConsoleAsync();
        await Link("Import users").ClickAsync();
        await Expect(Heading("Import users")).ToBeVisibleAsync();
        await ScreenAsync("import");

        await Page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload { Name = "users.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(bad) });
        await Button("Import").ClickAsync();
        var refusal = Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "The file was not imported" });
        await Expect(refusal).ToContainTextAsync("Row 3: login must be a valid email address.");
        // The service names one row at a time, so the page promises no more than that row.
        await Expect(refusal).ToContainTextAsync("Nothing was imported. Correct row 3 and upload the file again (row 1 is the header); the service names one row at a time, so the next upload may name another.");
        await ScreenAsync("import-errors");
        Assert.That(await Service.ListAsync(good), Is.Empty, "a refused file imports nobody");

        await Page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload { Name = "users.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(fixedFile) });
        await Button("Import").ClickAsync();
        await Expect(Page.GetByText("Imported 2 users.")).ToBeVisibleAsync();
        Assert.That(await Service.ListAsync(other), Has.Length.EqualTo(1));

        // The same file again: its first row's login is now taken, and that row is the one named.
        await Page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload { Name = "users.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(fixedFile) });
        await Button("Import").ClickAsync();
        await Expect(refusal).ToContainTextAsync("Row 2: login is already in use.");
        await Expect(refusal).ToContainTextAsync("Correct row 2 and upload the file again");
    }

    [Test]
    public async Task ImportPressedAgainWhileItRuns_KeepsItsProgressNotice_AndSendsTheFileOnce()
    {
        var sent = 0;
        var release = new TaskCompletionSource();
        await Page.RouteAsync("**/v2/panel/user/upload", async route =>
        {
            Interlocked.Increment(ref sent);
            await Task.WhenAny(release.Task, Task.Delay(TimeSpan.FromSeconds(30)));
            await route.ContinueAsync();
        });
        var file = $"login;first_name;last_name;legal_type;password\n{UniqueLogin("import")};Ivy;Import;individual;Import-Passw0rd\n";
        await SignInToConsoleAsync();
        await Link("Import users").ClickAsync();
        await Page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload { Name = "slow.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(file) });

        await Button("Import").ClickAsync();
        var progress = Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Importing slow.csv…" });
        await Expect(progress).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Importing…" }).PressAsync("Enter");
        await Expect(progress).ToBeVisibleAsync();

        release.SetResult();
        await Expect(Page.GetByText("Imported 1 user.")).ToBeVisibleAsync();
        Assert.That(sent, Is.EqualTo(1));
    }

    [Test]
    public async Task NoFile_EmptyFile_AndCommas_AreSaidInThePagesOwnSummary()
    {
        await SignInToConsoleAsync();
        await Link("Import users").ClickAsync();

        // No browser bubble: the form is novalidate, and its own summary says what is missing and links to the field.
        await Button("Import").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("CSV file is required: choose one to import");
        await Page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link, new() { Name = "CSV file is required" }).ClickAsync();
        await Expect(Page.GetByLabel("CSV file")).ToBeFocusedAsync();
        await Expect(Page.GetByLabel("CSV file")).ToHaveAttributeAsync("aria-invalid", "true");

        await Page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload { Name = "empty.csv", MimeType = "text/csv", Buffer = [] });
        await Button("Import").ClickAsync();
        var refusal = Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "The file was not imported" });
        await Expect(refusal).ToContainTextAsync("The file holds no user rows.");
        await Expect(refusal).Not.ToContainTextAsync("Correct row");
        await Expect(Page.GetByLabel("CSV file")).Not.ToHaveAttributeAsync("aria-invalid", "true");

        var commas = "login,first_name,last_name,legal_type,password\njane@example.com,Jane,Doe,individual,Import-Passw0rd\n";
        await Page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload { Name = "commas.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(commas) });
        await Button("Import").ClickAsync();
        await Expect(refusal).ToContainTextAsync("Row 1: The header lacks column(s)");
        await Expect(refusal).ToContainTextAsync("The header looks separated by commas: the columns must be separated by semicolons (;).");
    }

    [Test]
    public async Task FileNotUtf8_AndAnUnclosedQuote_AreSaidAsSentences()
    {
        const string Header = "login;first_name;last_name;legal_type;password\n";
        await SignInToConsoleAsync();
        await Link("Import users").ClickAsync();
        var refusal = Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "The file was not imported" });

        byte[] latin1 = [.. System.Text.Encoding.UTF8.GetBytes(Header + "ren"), 0xE9, .. "@example.com;Ren;Import;individual;Import-Passw0rd\n"u8];
        await Page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload { Name = "latin1.csv", MimeType = "text/csv", Buffer = latin1 });
        await Button("Import").ClickAsync();
        await Expect(refusal).ToContainTextAsync("The file must be UTF-8 text.");
        await Expect(refusal).Not.ToContainTextAsync("Correct row");

        var unclosed = $"{Header}{UniqueLogin("import")};Ivy;Import;individual;Import-Passw0rd\n\"{UniqueLogin("import")};Ian;Import;individual;Import-Passw0rd\n";
        await Page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload { Name = "quote.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(unclosed) });
        await Button("Import").ClickAsync();
        await Expect(refusal).ToContainTextAsync("Row 3: A quoted field is not closed.");
        await Expect(refusal).Not.ToContainTextAsync("the A");
    }
}
