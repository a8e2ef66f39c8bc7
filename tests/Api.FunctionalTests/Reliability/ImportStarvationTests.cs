using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Navixy.Panel.Api.FunctionalTests.Support;
using Navixy.Panel.Application.Common.Security;

namespace Navixy.Panel.Api.FunctionalTests.Reliability;

/// <summary>
/// One dealer's import never stalls another dealer's sign-in: upload passwords are hashed in the background in a
/// bounded bulk lane off the request threads, and sign-ins in their own lane. The lanes do not touch the database,
/// so one provider suffices.
/// </summary>
[TestFixture("Sqlite")]
public sealed class ImportStarvationTests(string provider) : FunctionalTest(provider)
{
    private const int Rows = 200;

    [Test]
    public async Task SignIn_DuringALargeUploadsHashing_CompletesBeforeTheHashing()
    {
        var (_, otherDealer) = await NewDealer();
        var user = await NewUser(otherDealer);
        var (_, importer) = await NewDealer();
        var tag = Unique("bulk");
        var csv = new StringBuilder("login;first_name;last_name;legal_type;password\n");
        for (var i = 0; i < Rows; i++)
        {
            csv.Append(CultureInvariant($"{tag}{i}@example.com;Ann;Lee;individual;Passw0rd{i}\n"));
        }

        var hashing = Factory.Services.GetRequiredService<PasswordHashing>();
        Assert.That((await Upload(csv.ToString(), importer)).ShouldSucceed()["total"].GetInt32(), Is.EqualTo(Rows));
        Assert.That(SpinWait.SpinUntil(() => hashing.BulkPending > 0, TimeSpan.FromSeconds(60)), Is.True, "the background hashing started");

        var signIn = await Call("user/auth", new { login = user.Login, password = "User-Passw0rd" }).WaitAsync(TimeSpan.FromSeconds(120));

        signIn.ShouldSucceed();
        Assert.That(
            await DatabaseSnapshot.ScalarAsync(Factory, "SELECT COUNT(*) FROM users WHERE pending_password IS NOT NULL"),
            Is.GreaterThan(0),
            "the sign-in finished while the import's passwords were still being hashed");
    }

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);
}
