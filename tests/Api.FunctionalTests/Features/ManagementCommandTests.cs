using Navixy.Panel.Api.FunctionalTests.Support;
using Navixy.Panel.Api.Management;
using Navixy.Panel.TestSupport;

namespace Navixy.Panel.Api.FunctionalTests.Features;

/// <summary>The operator commands on the service executable, against the same database the API uses.</summary>
[TestFixtureSource(typeof(TestProviders), nameof(TestProviders.All))]
public sealed class ManagementCommandTests(string provider) : FunctionalTest(provider)
{
    private async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ManagementCommand.RunAsync([.. args, .. Factory.ConfigurationArguments], output, error);
        return (exit, output.ToString().Trim(), error.ToString());
    }

    [Test]
    public async Task DealerAndAccountCreate_GiveALoginWithChosenPermissions()
    {
        var dealer = await Run("dealer", "create", "--name", "Acme");
        Assert.That(dealer.Exit, Is.Zero, dealer.Error);
        Assert.That(long.TryParse(dealer.Output, out var dealerId), Is.True, dealer.Output);

        var login = Unique("ops");
        var account = await Run("account", "create", "--dealer", dealer.Output, "--login", login, "--password", "Secret123!", "--permissions", "users:read");
        Assert.That(account.Exit, Is.Zero, account.Error);

        var auth = (await Call("panel/account/auth", new { login, password = "Secret123!" })).ShouldSucceed();
        Assert.That(auth["permissions"].ToString(), Is.EqualTo("""{"users":["read"]}"""));
        (await Call("panel/user/mfa/settings/default/update", new { settings = new { type = "disallowed" } }, auth.Hash)).ShouldFail(13, System.Net.HttpStatusCode.Forbidden);
        Assert.That(dealerId, Is.GreaterThan(1));
    }

    [Test]
    public async Task AccountCreate_RefusesALoginTakenInAnotherCase()
    {
        var login = Unique("ops");
        Assert.That((await Run("account", "create", "--dealer", "1", "--login", login, "--password", "Secret123!", "--permissions", "users:read")).Exit, Is.Zero);

        var again = await Run("account", "create", "--dealer", "1", "--login", login.ToUpperInvariant(), "--password", "Secret123!", "--permissions", "users:read");

        Assert.That(again.Exit, Is.EqualTo(1));
        Assert.That(again.Output, Is.Empty);
        Assert.That(again.Error, Does.Contain("in use"));
    }

    [Test]
    public async Task AccountCreate_WithAuditRead_GrantsTheSecurityLog()
    {
        var login = Unique("auditor");
        var account = await Run("account", "create", "--dealer", "1", "--login", login, "--password", "Secret123!", "--permissions", "audit:read");
        Assert.That(account.Exit, Is.Zero, account.Error);

        var auth = (await Call("panel/account/auth", new { login, password = "Secret123!" })).ShouldSucceed();
        Assert.That(auth["permissions"].ToString(), Is.EqualTo("""{"audit":["read"]}"""));
        (await Call("panel/audit/list", null, auth.Hash)).ShouldSucceed();
        (await Call("panel/user/list", null, auth.Hash)).ShouldFail(13, System.Net.HttpStatusCode.Forbidden);
    }

    [TestCase("dealer remove")]
    [TestCase("dealer create")]
    [TestCase("dealer create --name")]
    [TestCase("dealer create --colour red")]
    [TestCase("account create --dealer 1 --login x")]
    [TestCase("account list")]
    [TestCase("account list --dealer one")]
    [TestCase("account set-password --login x")]
    [TestCase("dealer block")]
    [TestCase("dealer unblock --id")]
    [TestCase("database script")]
    [TestCase("help nope")]
    [TestCase("help dealer nope")]
    public async Task BadArguments_PrintUsageAndExit2(string commandLine)
    {
        var result = await Run(commandLine.Split(' '));

        Assert.That(result.Exit, Is.EqualTo(2));
        Assert.That(result.Output, Is.Empty);
        Assert.That(result.Error, Does.Contain("Usage:"));
        Assert.That(result.Error, Does.Not.Contain("   at "));
    }

    [TestCase("--help", "dealer", "account", "database")]
    [TestCase("help", "dealer", "account", "database")]
    [TestCase("dealer --help", "create", "list", "block", "unblock")]
    [TestCase("help account", "create", "list", "set-password")]
    [TestCase("dealer create --help", "--name")]
    [TestCase("dealer list --help", "active|blocked")]
    [TestCase("dealer block --help", "--id")]
    [TestCase("dealer unblock --help", "--id")]
    [TestCase("account create --help", "--dealer", "--login", "--password", "--permissions", "users:read", "audit:read")]
    [TestCase("account list --help", "--dealer")]
    [TestCase("account set-password --help", "--login", "--password")]
    [TestCase("database script --help", "--provider", "Sqlite, Postgres, SqlServer")]
    public async Task Help_PrintsUsageToTheOutput(string commandLine, params string[] mentions)
    {
        var result = await Run(commandLine.Split(' '));

        Assert.That(result.Exit, Is.Zero, result.Error);
        Assert.That(result.Output, Does.Contain("Usage:"));
        Assert.That(mentions, Is.All.Matches<string>(m => result.Output.Contains(m, StringComparison.Ordinal)), result.Output);
    }

    [Test]
    public async Task DealerList_ShowsEachDealerWithItsState_AndBlockRefusesItsAccounts()
    {
        var name = Unique("Dealer ");
        var dealer = (await Run("dealer", "create", "--name", name)).Output;
        var login = Unique("ops");
        Assert.That((await Run("account", "create", "--dealer", dealer, "--login", login, "--password", "Secret123!", "--permissions", "users:read")).Exit, Is.Zero);

        var block = await Run("dealer", "block", "--id", dealer);

        Assert.That(block.Exit, Is.Zero, block.Error);
        Assert.That(block.Output, Is.Empty);
        Assert.That((await Run("dealer", "list")).Output.Split('\n'), Does.Contain($"{dealer}\t{name}\tblocked"));
        (await Call("panel/account/auth", new { login, password = "Secret123!" })).ShouldFail(11, System.Net.HttpStatusCode.Forbidden);

        Assert.That((await Run("dealer", "unblock", "--id", dealer)).Exit, Is.Zero);
        var list = await Run("dealer", "list");
        Assert.That(list.Output.Split('\n'), Does.Contain($"{dealer}\t{name}\tactive"));
        (await Call("panel/account/auth", new { login, password = "Secret123!" })).ShouldSucceed();
    }

    [Test]
    public async Task AccountList_ShowsTheDealersAccountsOnly()
    {
        var dealer = (await Run("dealer", "create", "--name", Unique("Dealer "))).Output;
        var other = (await Run("dealer", "create", "--name", Unique("Dealer "))).Output;
        var (reader, editor, stranger) = (Unique("reader"), Unique("editor"), Unique("stranger"));
        var readerId = (await Run("account", "create", "--dealer", dealer, "--login", reader, "--password", "Secret123!", "--permissions", "users:read")).Output;
        var editorId = (await Run("account", "create", "--dealer", dealer, "--login", editor, "--password", "Secret123!", "--permissions", "users:read,users:update")).Output;
        await Run("account", "create", "--dealer", other, "--login", stranger, "--password", "Secret123!", "--permissions", "users:read");

        var list = await Run("account", "list", "--dealer", dealer);

        Assert.That(list.Exit, Is.Zero, list.Error);
        Assert.That(list.Output.Split('\n'), Is.EqualTo(new[] { $"{readerId}\t{reader}\tusers:read\tactive", $"{editorId}\t{editor}\tusers:read,users:update\tactive" }));
    }

    [Test]
    public async Task SetPassword_ReplacesTheOldOne()
    {
        var login = Unique("ops");
        await Run("account", "create", "--dealer", "1", "--login", login, "--password", "Secret123!", "--permissions", "users:read");

        var result = await Run("account", "set-password", "--login", login, "--password", "Another456!");

        Assert.That(result.Exit, Is.Zero, result.Error);
        Assert.That(result.Output, Is.Empty);
        (await Call("panel/account/auth", new { login, password = "Secret123!" })).ShouldFail(12);
        (await Call("panel/account/auth", new { login, password = "Another456!" })).ShouldSucceed();
    }

    [TestCase("account set-password --login nobody-here --password Another456!", "nobody-here")]
    [TestCase("account list --dealer 999999", "999999")]
    [TestCase("dealer block --id 999999", "999999")]
    public async Task MissingTarget_Exits1NamingIt(string commandLine, string named)
    {
        var result = await Run(commandLine.Split(' '));

        Assert.That(result.Exit, Is.EqualTo(1));
        Assert.That(result.Output, Is.Empty);
        Assert.That(result.Error.Trim(), Does.Contain(named).And.Not.Contain("   at ").And.Not.Contain("\n"));
    }

    /// <summary>As a real process: what a script captures from the output is the result alone, the logs go elsewhere.</summary>
    [Test]
    public async Task AsAProcess_TheOutputHoldsOnlyTheResult()
    {
        var created = await ApiProcess.RunToExitAsync(["dealer", "create", "--name", "Scripted", .. Factory.ConfigurationArguments]);
        var refused = await ApiProcess.RunToExitAsync(["account", "list", "--dealer", "999999", .. Factory.ConfigurationArguments]);

        Assert.That(created.Exit, Is.Zero, created.Error);
        Assert.That(created.Output, Does.Match(@"^\d+\n$"));
        Assert.That(refused.Exit, Is.EqualTo(1));
        Assert.That(refused.Output, Is.Empty);
        Assert.That(refused.Error, Is.EqualTo("Dealer 999999 does not exist\n"));
    }

    [TestCase("account create --dealer 0 --login x --password Secret123! --permissions users:read", "--dealer: ")]
    [TestCase("account create --dealer 1 --login x --password short --permissions users:read", "--password: must be 8 to 64 characters\n")]
    [TestCase("account set-password --login x --password short", "--password: must be 8 to 64 characters\n")]
    [TestCase("dealer block --id 0", "--id: must be positive\n")]
    public async Task RefusedValue_NamesItsOptionAndExits2(string commandLine, string named)
    {
        var result = await Run(commandLine.Split(' '));

        Assert.That(result.Exit, Is.EqualTo(2));
        Assert.That(result.Output, Is.Empty);
        Assert.That(result.Error, Does.StartWith(named).And.Contain("Usage:"));
    }

    [Test]
    public async Task Version_PrintsTheServicesVersion()
    {
        var result = await Run("--version");

        Assert.That(result.Exit, Is.Zero, result.Error);
        Assert.That(result.Output, Does.Match(@"^\d+\.\d+\.\d+"));
    }

    [Test]
    public async Task BadLogLevel_IsAnUnusableSetting_NamedInOneLineWithExit2()
    {
        var result = await Run("dealer", "list", "--Logging:LogLevel:Default=Loud");

        Assert.That(result.Exit, Is.EqualTo(2));
        Assert.That(result.Output, Is.Empty);
        Assert.That(result.Error, Does.StartWith("Logging:LogLevel:Default must be one of ").And.EndWith(", not 'Loud'.\n"));
    }

    // Straight to the command: the fixture's own database settings would override these.
    [TestCase("--ConnectionStrings:Panel=garbage=1", "ConnectionStrings:Panel must be a connection string the Sqlite driver reads: ")]
    [TestCase("--Storage:DataDirectory=/proc/no-such-folder", "Storage:DataDirectory must be a folder the service can create and write in, not '/proc/no-such-folder' (")]
    public async Task UnusableDatabaseSetting_IsNamedInOneLineWithExit2(string setting, string sentence)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await ManagementCommand.RunAsync(["dealer", "list", setting], output, error);

        Assert.That(exit, Is.EqualTo(2), error.ToString());
        Assert.That(output.ToString(), Is.Empty);
        Assert.That(error.ToString().TrimEnd('\n').Split('\n'), Has.Length.EqualTo(1).And.One.StartsWith(sentence), error.ToString());
    }

    [Test]
    public async Task UnknownPermission_IsRefusedWithUsage()
    {
        var result = await Run("account", "create", "--dealer", "1", "--login", Unique("p"), "--password", "Secret123!", "--permissions", "users:read,tariffs:delete");

        Assert.That(result.Exit, Is.Not.Zero);
        Assert.That(result.Error, Does.Contain("--permissions"));
    }

    [Test]
    public async Task MissingDealer_ExitsNonZeroWithoutStackTrace()
    {
        var result = await Run("account", "create", "--dealer", "999999", "--login", Unique("p"), "--password", "Secret123!", "--permissions", "users:read");

        Assert.That(result.Exit, Is.Not.Zero);
        Assert.That(result.Error, Does.Contain("999999").And.Not.Contain("   at "));
    }
}
