using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Navixy.Panel.Api.FunctionalTests.Support;
using Navixy.Panel.Application.Common.Security;

namespace Navixy.Panel.Api.FunctionalTests.Reliability;

/// <summary>
/// One dealer's import never stalls another dealer's sign-in: upload passwords are hashed in a bounded bulk lane
/// off the request threads, and sign-ins in their own lane. The hashing does not touch the database, so one
/// provider suffices.
/// </summary>
[TestFixture("Sqlite")]
public sealed class ImportStarvationTests(string provider) : FunctionalTest(provider)
{
    private const int Rows = 200;

    [Test]
    public async Task SignIn_DuringALargeUpload_CompletesBeforeTheUpload()
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
        var upload = Upload(csv.ToString(), importer);
        Assert.That(SpinWait.SpinUntil(() => hashing.BulkPending > 0 || upload.IsCompleted, TimeSpan.FromSeconds(60)), Is.True);
        Assert.That(upload.IsCompleted, Is.False, "the upload is still hashing");

        var signIn = await Call("user/auth", new { login = user.Login, password = "User-Passw0rd" }).WaitAsync(TimeSpan.FromSeconds(120));

        signIn.ShouldSucceed();
        Assert.That(upload.IsCompleted, Is.False, "the sign-in finished while the upload was still hashing");
        Assert.That((await upload.WaitAsync(TimeSpan.FromMinutes(5))).ShouldSucceed()["total"].GetInt32(), Is.EqualTo(Rows));
    }

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);
}
