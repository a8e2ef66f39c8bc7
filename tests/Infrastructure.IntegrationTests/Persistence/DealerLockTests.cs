using Navixy.Panel.Infrastructure.IntegrationTests.Support;
using Navixy.Panel.TestSupport;

namespace Navixy.Panel.Infrastructure.IntegrationTests.Persistence;

/// <summary>Each provider's dealer lock against the real database: it excludes a second holder until commit.</summary>
[TestFixtureSource(typeof(TestProviders), nameof(TestProviders.All))]
public sealed class DealerLockTests(string provider) : OneDealerTest(provider)
{
    [Test]
    public async Task SecondTransaction_WaitsForTheFirstToCommit_ThenTakesTheLock()
    {
        await using var first = Database.NewContext();
        await first.InOwnTransactionAsync(async () =>
        {
            await using var firstTransaction = await first.Database.BeginTransactionAsync();
            Assert.That(await Database.Provider.TakeDealerLockAsync(first, DealerId, CancellationToken.None), Is.True);

            // Task.Run: SQLite waits for its lock synchronously (busy timeout) inside the async call.
            var second = Task.Run(async () =>
            {
                await using var db = Database.NewContext();
                var taken = false;
                await db.InOwnTransactionAsync(async () =>
                {
                    await using var transaction = await db.Database.BeginTransactionAsync();
                    taken = await Database.Provider.TakeDealerLockAsync(db, DealerId, CancellationToken.None);
                    await transaction.CommitAsync();
                });
                return taken;
            });

            var finishedEarly = await Task.WhenAny(second, Task.Delay(TimeSpan.FromMilliseconds(500))) == second;
            Assert.That(finishedEarly, Is.False, "the second transaction took the lock while the first still held it");

            await firstTransaction.CommitAsync();
            Assert.That(await second.WaitAsync(TimeSpan.FromSeconds(20)), Is.True);
        });
    }

    [Test]
    public async Task MissingDealer_IsReportedAsFalse()
    {
        await using var db = Database.NewContext();
        await db.InOwnTransactionAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            Assert.That(await Database.Provider.TakeDealerLockAsync(db, DealerId + 1000, CancellationToken.None), Is.False);
        });
    }
}
