using System.Data.Common;
using Microsoft.Extensions.Logging;
using Navixy.Panel.Api.FunctionalTests.Support;

namespace Navixy.Panel.Api.FunctionalTests.Reliability;

/// <summary>
/// The read cache of <c>default/read</c> and <c>user/read</c>: it really serves from memory (a change written past
/// the service is not seen), and every change made through the service is read back at once on the instance that
/// made it.
/// </summary>
// Not SQL Server: without change notifications its cache is off (FaultTests checks /health says so).
[TestFixture("Sqlite")]
[TestFixture("Postgres")]
public sealed class ReadCacheTests(string provider) : FunctionalTest(provider)
{
    private static readonly object Allowed = new { type = "allowed", factor_types = new[] { "email" } };
    private static readonly object Disallowed = new { type = "disallowed" };

    protected override PanelApiFactory CreateFactory(string provider)
    {
        var factory = new PanelApiFactory(provider) { MinimumLogLevel = LogLevel.Information };
        factory.Settings["Database:ReadCacheSeconds"] = "600"; // nothing in these tests expires: only changes forget
        return factory;
    }

    [OneTimeSetUp]
    public Task WaitUntilTheCacheServes() =>
        Factory.Provider == "Postgres" ? ReadCacheSql.WaitForLogAsync(Factory, "Dealer change notifications are listened to") : Task.CompletedTask;

    [Test]
    public async Task Reads_AreServedFromMemory_UntilAChangeThroughTheServiceForgetsThem()
    {
        var (dealer, hash) = await NewDealer();
        var user = await NewUser(hash);
        Assert.That(await DefaultType(hash), Is.Null);
        Assert.That(await MfaAllowed(user.Id, hash), Is.False);

        await ReadCacheSql.ExecuteAsync(Factory, $"UPDATE dealers SET default_mfa_allowed = {ReadCacheSql.True(Factory)}, default_mfa_factor_types = 1 WHERE id = {dealer}");
        Assert.That(await DefaultType(hash), Is.Null, "written past the service: the kept read is served");
        Assert.That(await MfaAllowed(user.Id, hash), Is.False);

        (await Call("panel/user/mfa/settings/default/update", new { settings = Disallowed }, hash)).ShouldSucceed();
        Assert.That(await DefaultType(hash), Is.EqualTo("disallowed"));
        (await Call("panel/user/mfa/settings/default/update", new { settings = Allowed }, hash)).ShouldSucceed();
        Assert.That(await DefaultType(hash), Is.EqualTo("allowed"));
        Assert.That(await MfaAllowed(user.Id, hash), Is.True, "the user follows the new default");
    }

    [Test]
    public async Task EveryChangeOfUserSettings_IsReadBackAtOnce()
    {
        var (_, hash) = await NewDealer();
        var (_, otherHash) = await NewDealer();
        var a = await NewUser(hash);
        var b = await NewUser(hash);
        var theirs = await NewUser(otherHash);
        foreach (var (id, panel) in new[] { (a.Id, hash), (b.Id, hash), (theirs.Id, otherHash) })
        {
            Assert.That(await MfaAllowed(id, panel), Is.False);
        }

        (await Call("panel/user/mfa/settings/update", new { target = new { type = "selected", ids = new[] { a.Id } }, settings = Allowed }, hash)).ShouldSucceed();
        Assert.That(await MfaAllowed(a.Id, hash), Is.True);
        Assert.That(await MfaAllowed(b.Id, hash), Is.False);

        (await Call("panel/user/mfa/settings/update", new { target = new { type = "all" }, settings = Allowed }, hash)).ShouldSucceed();
        Assert.That(await MfaAllowed(b.Id, hash), Is.True);
        Assert.That(await MfaAllowed(theirs.Id, otherHash), Is.False);

        (await Call("panel/user/mfa/settings/update", new { target = new { type = "selected", ids = new[] { a.Id, theirs.Id } }, settings = Disallowed }, hash)).ShouldFail(201);
        Assert.That(await MfaAllowed(a.Id, hash), Is.True, "the refused change rolled back");
        var read = (await Call("panel/user/read", new { user_id = a.Id }, hash)).ShouldSucceed();
        Assert.That(read["dealer_mfa_settings"].ToString(), Is.EqualTo("""{"type":"allowed","factor_types":["email"]}"""));
    }

    [Test]
    public async Task AUserReadAsMissing_IsFoundOnceCreated()
    {
        var (_, hash) = await NewDealer();
        var before = await NewUser(hash);
        (await Call("panel/user/read", new { user_id = before.Id + 1 }, hash)).ShouldFail(201);

        var created = await NewUser(hash);

        Assert.That(created.Id, Is.EqualTo(before.Id + 1), "ids of one database follow each other while nothing else creates users");
        (await Call("panel/user/read", new { user_id = created.Id }, hash)).ShouldSucceed();
    }

    private async Task<string?> DefaultType(string hash)
    {
        var value = (await Call("panel/user/mfa/settings/default/read", null, hash)).ShouldSucceed()["value"];
        return value.ValueKind == System.Text.Json.JsonValueKind.Null ? null : value.GetProperty("type").GetString();
    }
}

/// <summary>
/// Two API instances on one PostgreSQL database: a change made on one reaches what the other keeps, through the
/// database's notifications, and while the other cannot hear them it reads from the database.
/// </summary>
[TestFixture("Postgres")]
public sealed class ReadCacheAcrossInstancesTests(string provider) : FunctionalTest(provider)
{
    private static readonly object Allowed = new { type = "allowed", factor_types = new[] { "email" } };
    private static readonly TimeSpan NotificationWait = TimeSpan.FromSeconds(10);

    private PanelApiFactory _second = null!;
    private HttpClient _secondClient = null!;

    protected override PanelApiFactory CreateFactory(string provider)
    {
        var factory = new PanelApiFactory(provider);
        factory.Settings["Database:ReadCacheSeconds"] = "600";
        return factory;
    }

    [OneTimeSetUp]
    public async Task StartSecondInstance()
    {
        _second = new PanelApiFactory(Factory.Provider, sharing: Factory) { MinimumLogLevel = LogLevel.Information };
        _second.Settings["Database:ReadCacheSeconds"] = "600";
        _secondClient = _second.CreateClient();
        await ReadCacheSql.WaitForLogAsync(_second, "Dealer change notifications are listened to");
    }

    [OneTimeTearDown]
    public void StopSecondInstance()
    {
        _secondClient.Dispose();
        _second.Dispose();
    }

    [Test]
    public async Task AChangeOnOneInstance_ReachesTheReadsTheOtherKeeps()
    {
        var (dealer, hash) = await NewDealer();
        var user = await NewUser(hash);
        Assert.That(await SecondReadsAllowed(user.Id, hash), Is.False);
        await ReadCacheSql.ExecuteAsync(Factory, $"UPDATE users SET mfa_allowed = TRUE, mfa_factor_types = 1 WHERE id = {user.Id}");
        Assert.That(await SecondReadsAllowed(user.Id, hash), Is.False, "the second instance keeps its read");

        (await Call("panel/user/mfa/settings/default/update", new { settings = Allowed }, hash)).ShouldSucceed();

        Assert.That(await EventuallyAsync(async () => await SecondReadsAllowed(user.Id, hash)), Is.True, $"dealer {dealer}'s change was heard");
        (await Call("panel/user/mfa/settings/update", new { target = new { type = "all" }, settings = new { type = "disallowed" } }, hash)).ShouldSucceed();
        Assert.That(await EventuallyAsync(async () => !await SecondReadsAllowed(user.Id, hash)), Is.True);
    }

    [Test]
    public async Task WhileTheOtherCannotHearChanges_ItReadsTheDatabase_AndItResumesFromEmpty()
    {
        var (_, hash) = await NewDealer();
        var user = await NewUser(hash);
        Assert.That(await SecondReadsAllowed(user.Id, hash), Is.False);
        _second.Log.Clear();

        // Both instances' listening connections end, as when the database restarts or the network drops them.
        await ReadCacheSql.ExecuteAsync(Factory, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'navixy-panel-listener' AND datname = current_database()");
        await ReadCacheSql.WaitForLogAsync(_second, "Dealer change notifications are unavailable");

        // Written past the service, so no notification could tell: only a paused cache reads it.
        await ReadCacheSql.ExecuteAsync(Factory, $"UPDATE users SET mfa_allowed = TRUE, mfa_factor_types = 1 WHERE id = {user.Id}");
        Assert.That(await SecondReadsAllowed(user.Id, hash), Is.True);

        await ReadCacheSql.WaitForLogAsync(_second, "Dealer change notifications are back");
        Assert.That(await _secondClient.GetStringAsync("/health"), Does.Contain("\"read_cache\":\"serving\""));
        Assert.That(await SecondReadsAllowed(user.Id, hash), Is.True, "the read kept before the pause (false) is gone");
        (await Call("panel/user/mfa/settings/update", new { target = new { type = "selected", ids = new[] { user.Id } }, settings = new { type = "disallowed" } }, hash)).ShouldSucceed();
        Assert.That(await EventuallyAsync(async () => !await SecondReadsAllowed(user.Id, hash)), Is.True, "heard again once back");
    }

    private async Task<bool> SecondReadsAllowed(long userId, string hash) =>
        (await Call("panel/user/read", new { user_id = userId }, hash, client: _secondClient)).ShouldSucceed()["value"].GetProperty("mfa_allowed").GetBoolean();

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow + NotificationWait;
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }

}

internal static class ReadCacheSql
{
    public static async Task WaitForLogAsync(PanelApiFactory factory, string text)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!factory.Log.Entries.Any(e => e.Contains(text, StringComparison.Ordinal)))
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(until), $"no log entry '{text}' in:\n{factory.Log.Text}");
            await Task.Delay(50);
        }
    }

    public static string True(PanelApiFactory factory) => factory.ConnectionString is null ? "1" : "TRUE";

    public static async Task ExecuteAsync(PanelApiFactory factory, string sql)
    {
        await using DbConnection connection = DatabaseSnapshot.Connect(factory);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
