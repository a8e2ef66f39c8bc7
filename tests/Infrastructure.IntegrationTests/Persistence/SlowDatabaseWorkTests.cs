using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Navixy.Panel.Infrastructure.IntegrationTests.Support;
using Navixy.Panel.Infrastructure.Persistence;

namespace Navixy.Panel.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// A command of a second or more and a transaction open five seconds or more are logged at Warning, the command
/// with its statement; quicker ones are not. The interceptors are the provider's own, so SQLite suffices.
/// </summary>
[TestFixture("Sqlite")]
public sealed class SlowDatabaseWorkTests(string provider)
{
    private TestDatabase _database = null!;

    [SetUp]
    public void SetUp() => _database = TestDatabase.Create(provider);

    [TearDown]
    public void TearDown() => _database.Dispose();

    [Test]
    public async Task ACommandOfASecond_IsLoggedWithItsStatement()
    {
        var logger = new FakeLogger<SlowCommandLog>();
        await using var db = _database.NewContext(new SlowCommandLog(logger));
        await db.Database.OpenConnectionAsync();
        // A statement that takes as long as asked, without depending on the machine's speed.
        ((SqliteConnection)db.Database.GetDbConnection()).CreateFunction("pause_ms", (int ms) =>
        {
            Thread.Sleep(ms);
            return ms;
        });

        await db.Database.SqlQueryRaw<int>("SELECT pause_ms(0) AS Value").ToListAsync();
        Assert.That(logger.Collector.Count, Is.Zero);

        await db.Database.SqlQueryRaw<int>("SELECT pause_ms(1100) AS Value").ToListAsync();
        Assert.That(logger.Collector.LatestRecord.Level, Is.EqualTo(LogLevel.Warning));
        Assert.That(logger.Collector.LatestRecord.Message, Does.StartWith("Slow database command (1").And.Contain("pause_ms(1100)"));
    }

    [TestCase(1, false)]
    [TestCase(6, true)]
    public async Task ATransactionOpenFiveSeconds_IsLogged(int seconds, bool logged)
    {
        var logger = new FakeLogger<LongTransactionLog>();
        var clock = new FakeTimeProvider();
        await using var db = _database.NewContext(new LongTransactionLog(logger, clock));
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            clock.Advance(TimeSpan.FromSeconds(seconds));
            await transaction.CommitAsync();
        }

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            clock.Advance(TimeSpan.FromSeconds(seconds));
            await transaction.RollbackAsync();
        }

        Assert.That(logger.Collector.GetSnapshot().Select(r => r.Message), Is.EqualTo(logged
            ? new[] { $"Long database transaction, committed after {seconds * 1000} ms", $"Long database transaction, rolled back after {seconds * 1000} ms" }
            : Array.Empty<string>()));
    }
}
