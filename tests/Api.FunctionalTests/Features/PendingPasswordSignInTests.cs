using Navixy.Panel.Api.FunctionalTests.Support;
using Navixy.Panel.TestSupport;

namespace Navixy.Panel.Api.FunctionalTests.Features;

/// <summary>
/// Imported passwords with the background hashing off, so they stay pending: a user's own sign-in checks the sealed
/// password and stores its hash, for that user only.
/// </summary>
[TestFixtureSource(typeof(TestProviders), nameof(TestProviders.All))]
public sealed class PendingPasswordSignInTests(string provider) : FunctionalTest(provider)
{
    protected override PanelApiFactory CreateFactory(string provider) => new(provider) { BackgroundPasswordHashing = false };

    private Task<long> PendingOf(string login) =>
        DatabaseSnapshot.ScalarAsync(Factory, $"SELECT COUNT(*) FROM users WHERE login_key = '{login.ToLowerInvariant()}' AND pending_password IS NOT NULL");

    [Test]
    public async Task WithoutTheWorker_APendingUserSignsIn_AndFinishesOnlyItsOwnHash()
    {
        var rows = NewImportRows(3);
        (await Upload(ImportFile(rows), AdminHash)).ShouldSucceed();
        Assert.That(await PendingOf(rows[0].Login), Is.EqualTo(1), "the worker is off: the password is still pending");

        (await Call("user/auth", new { login = rows[0].Login, password = "Wrong-Passw0rd" })).ShouldFail(102);
        Assert.That(await PendingOf(rows[0].Login), Is.EqualTo(1), "a wrong password changes nothing");

        (await Call("user/auth", new { login = rows[0].Login, password = rows[0].Password })).ShouldSucceed();
        Assert.That(await PendingOf(rows[0].Login), Is.Zero, "the sign-in stored its own hash");
        Assert.That(await PendingOf(rows[1].Login), Is.EqualTo(1));
        (await Call("user/auth", new { login = rows[0].Login, password = rows[0].Password })).ShouldSucceed();
        (await Call("user/auth", new { login = rows[1].Login, password = rows[1].Password })).ShouldSucceed();
    }
}
