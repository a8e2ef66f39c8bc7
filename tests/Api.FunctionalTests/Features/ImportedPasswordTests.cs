using System.Text.Json;
using Navixy.Panel.Api.FunctionalTests.Support;
using Navixy.Panel.TestSupport;

namespace Navixy.Panel.Api.FunctionalTests.Features;

/// <summary>
/// Imported passwords: stored sealed with the upload's users, signed in with from the reply on, hashed by the
/// background service or by the user's own first sign-in (docs/decisions.md, "Imported passwords").
/// </summary>
[TestFixtureSource(typeof(TestProviders), nameof(TestProviders.All))]
public sealed class ImportedPasswordTests(string provider) : FunctionalTest(provider)
{
    private async Task<long> PendingCount()
    {
        using var health = await Client.GetAsync("/health");
        return JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement.GetProperty("pending_passwords").GetInt64();
    }

    [Test]
    public async Task Upload_UsersSignInRightAfterTheReply_AndTheWorkerHashesEveryPassword()
    {
        var rows = NewImportRows(6);
        (await Upload(ImportFile(rows), AdminHash)).ShouldSucceed();

        foreach (var (login, password) in rows.Take(2))
        {
            (await Call("user/auth", new { login, password })).ShouldSucceed();
        }

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (await PendingCount() > 0)
        {
            Assert.That(waited.Elapsed, Is.LessThan(TimeSpan.FromMinutes(2)), "the background hashing never finished");
            await Task.Delay(100);
        }

        foreach (var (login, password) in rows)
        {
            (await Call("user/auth", new { login, password })).ShouldSucceed();
            (await Call("user/auth", new { login, password = "Wrong-Passw0rd" })).ShouldFail(102);
        }

        Assert.That(await DatabaseSnapshot.ScalarAsync(Factory, "SELECT COUNT(*) FROM users WHERE password_hash = 'pending'"), Is.Zero, "every imported password is a hash now");
    }
}
