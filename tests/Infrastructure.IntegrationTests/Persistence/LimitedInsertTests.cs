using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Navixy.Panel.Domain.Security;
using Navixy.Panel.Infrastructure.IntegrationTests.Support;
using Navixy.Panel.Infrastructure.Persistence;
using Navixy.Panel.TestSupport;

namespace Navixy.Panel.Infrastructure.IntegrationTests.Persistence;

/// <summary>Each provider's counted insert against the real database: concurrent writers never pass the limit together.</summary>
[TestFixtureSource(typeof(TestProviders), nameof(TestProviders.All))]
public sealed class LimitedInsertTests(string provider) : OneDealerTest(provider)
{
    private static readonly DateTime Now = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly AttemptLimit TenPerQuarter = new(10, TimeSpan.FromMinutes(15));

    private Task<long?> InsertAsync(PanelDbContext db, string login, DateTime at) =>
        Database.Provider.LimitedInsert.InsertAsync(db, "login_failures", [("scope", (int)LoginScope.User), ("login", login)], [TenPerQuarter], at, CancellationToken.None);

    [Test]
    public async Task FortyInsertsAtOnce_WithSlowCommits_StopAtTheLimit()
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Task.Run: SQLite waits for its lock synchronously (busy timeout) inside the async call. The slow commit
        // widens the moment between a count and its commit, where a concurrent count would miss the new row.
        var inserts = Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            await using var db = Database.NewContext(new SlowCommit());
            await db.Database.OpenConnectionAsync();
            await start.Task;
            return await InsertAsync(db, "jane@example.com", Now.AddMilliseconds(i));
        })).ToArray();
        start.SetResult();
        var ids = await Task.WhenAll(inserts);

        await using var check = Database.NewContext();
        Assert.That(await check.LoginFailures.CountAsync(), Is.EqualTo(10));
        Assert.That(ids.Count(id => id is not null), Is.EqualTo(10));
    }

    private sealed class SlowCommit : DbTransactionInterceptor
    {
        public override async ValueTask<InterceptionResult> TransactionCommittingAsync(
            System.Data.Common.DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
            return result;
        }
    }

    [Test]
    public async Task EventsOutsideTheWindow_DoNotCount_AndArePruned_AndOtherSubjectsAreApart()
    {
        await using var db = Database.NewContext();
        for (var i = 0; i < 10; i++)
        {
            Assert.That(await InsertAsync(db, "jane@example.com", Now - TimeSpan.FromMinutes(20) + TimeSpan.FromSeconds(i)), Is.Not.Null);
        }

        Assert.That(await InsertAsync(db, "jane@example.com", Now - TimeSpan.FromMinutes(19)), Is.Null, "the eleventh within the window");
        Assert.That(await InsertAsync(db, "john@example.com", Now - TimeSpan.FromMinutes(19)), Is.Not.Null, "another login");
        Assert.That(await InsertAsync(db, "jane@example.com", Now), Is.Not.Null, "the ten are older than the window");
        Assert.That(await db.LoginFailures.CountAsync(f => f.Login == "jane@example.com"), Is.EqualTo(1), "the old ones are pruned");
    }
}
