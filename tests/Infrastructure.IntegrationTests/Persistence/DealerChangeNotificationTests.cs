using Navixy.Panel.Infrastructure.IntegrationTests.Support;
using Navixy.Panel.Infrastructure.Persistence;
using Npgsql;

namespace Navixy.Panel.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// PostgreSQL's dealer lock also tells the other API instances of the change, with the transaction. (SQLite is one
/// process's database: that process forgets its own cached reads.)
/// </summary>
[TestFixture("Postgres")]
public sealed class DealerChangeNotificationTests(string provider) : OneDealerTest(provider)
{
    [Test]
    public async Task TakingTheLockAnnouncesTheChange_WhenTheTransactionCommits_AndNeverWhenItRollsBack()
    {
        await using var listener = new NpgsqlConnection(Database.ConnectionString);
        await listener.OpenAsync();
        var heard = new List<string>();
        listener.Notification += (_, e) => heard.Add(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {DealerChangeListener.Channel}", listener))
        {
            await listen.ExecuteNonQueryAsync();
        }

        await using (var db = Database.NewContext())
        {
            await db.InOwnTransactionAsync(async () =>
            {
                await using var rolledBack = await db.Database.BeginTransactionAsync();
                Assert.That(await Database.Provider.TakeDealerLockAsync(db, DealerId, CancellationToken.None), Is.True);
                await rolledBack.RollbackAsync();
            });
        }

        await using (var db = Database.NewContext())
        {
            await db.InOwnTransactionAsync(async () =>
            {
                await using var uncommitted = await db.Database.BeginTransactionAsync();
                await Database.Provider.TakeDealerLockAsync(db, DealerId, CancellationToken.None);
                Assert.That(await listener.WaitAsync(TimeSpan.FromMilliseconds(300)), Is.False, "heard before the commit");
                await uncommitted.CommitAsync();
            });
        }

        Assert.That(await listener.WaitAsync(TimeSpan.FromSeconds(10)), Is.True);
        Assert.That(await listener.WaitAsync(TimeSpan.FromMilliseconds(300)), Is.False, "a second notice");
        Assert.That(heard, Is.EqualTo(new[] { DealerId.ToString(System.Globalization.CultureInfo.InvariantCulture) }), "one notice, of the committed change only");
    }
}
