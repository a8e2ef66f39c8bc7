using Microsoft.EntityFrameworkCore;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Domain.Users;
using Navixy.Panel.Infrastructure.IntegrationTests.Support;
using Npgsql;

namespace Navixy.Panel.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// A transaction unit the database chose as a deadlock victim runs again from a clean change tracker; one that began
/// with entities already tracked is not run again (its state could not be restored) and fails as it was. PostgreSQL's
/// deadlock_detected stands for every provider's: the strategy asks the provider what an exception means.
/// </summary>
[TestFixture("Postgres")]
public sealed class TransactionRetryTests(string provider) : OneDealerTest(provider)
{
    private static readonly DateTime Now = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    [Test]
    public async Task DeadlockVictim_IsRunAgain_WithoutTheFirstAttemptsChanges()
    {
        var attempts = 0;
        await using (var db = Database.NewContext())
        {
            var result = await ((IUnitOfWork)db).InTransactionAsync(async ct =>
            {
                db.Users.Add(User.CreateMaster(DealerId, "retried@example.com", "hash", new UserProfile { FirstName = "F", LastName = "L" }, "en_US", "UTC", null, false, null, Now));
                if (++attempts == 1)
                {
                    await db.SaveChangesAsync(ct);
                    throw Deadlock();
                }

                return attempts;
            }, CancellationToken.None);
            Assert.That(result, Is.EqualTo(2));
        }

        await using var check = Database.NewContext();
        Assert.That(await check.Users.CountAsync(u => u.LoginKey == "retried@example.com"), Is.EqualTo(1));
    }

    [Test]
    public async Task UnitThatBeganWithTrackedEntities_IsNotRunAgain()
    {
        await using var db = Database.NewContext();
        var dealer = await db.Dealers.SingleAsync(d => d.Id == DealerId);
        var attempts = 0;

        Assert.ThrowsAsync<PostgresException>(() => ((IUnitOfWork)db).InTransactionAsync<int>(_ =>
        {
            attempts++;
            throw Deadlock();
        }, CancellationToken.None));
        Assert.That(attempts, Is.EqualTo(1));
        Assert.That(db.Entry(dealer).State, Is.EqualTo(EntityState.Unchanged), "still tracked as it was");
    }

    private static PostgresException Deadlock() => new("deadlock detected", "ERROR", "ERROR", "40P01");
}
