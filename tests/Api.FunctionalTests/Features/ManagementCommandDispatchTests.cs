using Navixy.Panel.Api.Management;

namespace Navixy.Panel.Api.FunctionalTests.Features;

/// <summary>The first word alone decides between a management command and the web server.</summary>
public sealed class ManagementCommandDispatchTests
{
    [TestCase("dealer list")]
    [TestCase("account create --dealer 1")]
    [TestCase("database script --provider Sqlite")]
    [TestCase("help")]
    [TestCase("--help")]
    [TestCase("-h")]
    [TestCase("--version")]
    public void CommandWords_RunTheCli(string commandLine) =>
        Assert.That(ManagementCommand.IsManagementCommand(commandLine.Split(' ')), Is.True);

    [TestCase("")]
    [TestCase("--urls http://127.0.0.1:5001")]
    [TestCase("--urls=http://127.0.0.1:5001")]
    [TestCase("--Database:Provider=Postgres")]
    [TestCase("--environment Development dealer")]
    public void ServiceArguments_StartTheWebServer(string commandLine) =>
        Assert.That(ManagementCommand.IsManagementCommand(commandLine.Length == 0 ? [] : commandLine.Split(' ')), Is.False);
}
