using Microsoft.EntityFrameworkCore;
using Navixy.Panel.Domain.Dealers;

namespace Navixy.Panel.Infrastructure.IntegrationTests.Support;

/// <summary>Base of the suites that need a migrated database of the provider holding one dealer, fresh for each test.</summary>
public abstract class OneDealerTest(string provider)
{
    protected TestDatabase Database { get; private set; } = null!;

    protected long DealerId { get; private set; }

    [SetUp]
    public async Task CreateDatabaseWithOneDealer()
    {
        Database = TestDatabase.Create(provider);
        await using var db = Database.NewContext();
        await db.Database.MigrateAsync();
        var dealer = new Dealer("A", new DateTime(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc));
        db.Dealers.Add(dealer);
        await db.SaveChangesAsync();
        DealerId = dealer.Id;
    }

    [TearDown]
    public void DropDatabase() => Database?.Dispose(); // null when the provider was skipped
}
