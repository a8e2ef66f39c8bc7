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

    [TestCase("dealer remove")]
    [TestCase("dealer create")]
    [TestCase("dealer create --name")]
    [TestCase("dealer create --colour red")]
    [TestCase("account create --dealer 1 --login x")]
    public async Task BadArguments_PrintUsageAndExitNonZero(string commandLine)
    {
        var result = await Run(commandLine.Split(' '));

        Assert.That(result.Exit, Is.Not.Zero);
        Assert.That(result.Error, Does.Contain("Usage:"));
        Assert.That(result.Error, Does.Not.Contain("   at "));
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
