using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Navixy.Panel.Api.FunctionalTests.Support;
using Navixy.Panel.Infrastructure.Persistence;
using Navixy.Panel.TestSupport;

namespace Navixy.Panel.Api.FunctionalTests.Reliability;

/// <summary>
/// Blocking a dealer ends the open sessions of its panel accounts and users with 11, on every API instance, within
/// the panel session cache's lifetime (<c>Security:SessionCacheSeconds</c>). Nothing in the service blocks a dealer
/// yet, so the test blocks it in the database, as an operator's tool would.
/// </summary>
[TestFixtureSource(typeof(TestProviders), nameof(TestProviders.All))]
public sealed class BlockedDealerTests(string provider) : TwoInstanceTest(provider)
{
    private const string Password = "User-Passw0rd";
    private static readonly TimeSpan SessionCacheLifetime = TimeSpan.FromSeconds(5);

    [Test]
    public async Task BlockingADealer_EndsItsPanelAndUserSessions_On11_OnEveryInstance()
    {
        var (dealerId, panel) = await NewDealer();
        var plain = await NewUser(panel, password: Password);
        var guarded = await NewUser(panel, ownMfa: new { type = "allowed", factor_types = new[] { "email" } }, password: Password);
        var full = (await Call("user/auth", new { login = plain.Login, password = Password })).ShouldSucceed().Hash;
        var secondFactor = (await Call("user/auth", new { login = guarded.Login, password = Password })).ShouldSucceed().Hash;
        var (_, otherPanel) = await NewDealer();
        foreach (var client in Clients)
        {
            // Each instance now holds the panel session in its cache.
            (await Call("panel/account/get_permissions", null, panel, client: client)).ShouldSucceed();
            (await Call("user/get_info", null, full, client: client)).ShouldSucceed();
        }

        await Block(dealerId);
        AdvanceBothClocks(SessionCacheLifetime + TimeSpan.FromSeconds(1));

        foreach (var client in Clients)
        {
            (await Call("panel/account/get_permissions", null, panel, client: client)).ShouldFail(11, HttpStatusCode.Forbidden);
            (await Call("panel/user/list", new { limit = 10 }, panel, client: client)).ShouldFail(11, HttpStatusCode.Forbidden);
            (await Call("user/get_info", null, full, client: client)).ShouldFail(11, HttpStatusCode.Forbidden);
            (await Call("user/auth/code/verify", new { code = Mailbox.CodesFor(Factory.MailDirectory, guarded.Login)[^1] }, secondFactor, client: client))
                .ShouldFail(11, HttpStatusCode.Forbidden);
            (await Call("user/auth", new { login = plain.Login, password = Password }, client: client)).ShouldFail(11, HttpStatusCode.Forbidden);

            // Another dealer's sessions are untouched.
            (await Call("panel/account/get_permissions", null, otherPanel, client: client)).ShouldSucceed();
        }
    }

    private async Task Block(long dealerId)
    {
        // One UPDATE in the database, past the service's caches; EF writes each provider's boolean literal.
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PanelDbContext>();
        Assert.That(await db.Dealers.Where(d => d.Id == dealerId).ExecuteUpdateAsync(s => s.SetProperty(d => d.Blocked, true)), Is.EqualTo(1));
    }
}
