using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Navixy.Panel.Domain.Dealers;
using Navixy.Panel.Infrastructure.IntegrationTests.Support;
using Navixy.Panel.Infrastructure.Persistence;

namespace Navixy.Panel.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// SQLite's substring index is merged in steps of its own after writes have left it in many segments: the steps
/// do work until the index is merged, then none, and the index stays whole (FTS5's integrity check).
/// </summary>
[TestFixture("Sqlite")]
public sealed class SearchIndexMergerTests(string provider)
{
    private TestDatabase _database = null!;

    [SetUp]
    public void SetUp() => _database = TestDatabase.Create(provider);

    [TearDown]
    public void TearDown() => _database.Dispose();

    [Test]
    public async Task AfterManyWrites_StepsMergeTheIndex_ThenFindNothingToDo()
    {
        await using var db = _database.NewContext();
        await db.Database.MigrateAsync();
        var dealer = new Dealer("A", DateTime.UtcNow);
        db.Dealers.Add(dealer);
        await db.SaveChangesAsync();
        // Each statement leaves its own segments in the index.
        for (var batch = 0; batch < 20; batch++)
        {
            await db.Database.ExecuteSqlAsync($"""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)
                INSERT INTO users (dealer_id, login, login_key, password_hash, activated, verified, legal_type, first_name, middle_name,
                    last_name, legal_name, phone, post_country, post_region, post_city, post_street_address, post_index, locale,
                    time_zone, comment, demo, created_at, mfa_factor_types)
                SELECT {dealer.Id}, 'm' || {batch} || '-' || i || '@example.com', 'm' || {batch} || '-' || i || '@example.com', 'hash', 1, 1, 1, 'First' || i, '',
                    'Last' || i, '', '', '', '', '', '', '', 'en_US', 'UTC', '', 0, '2026-12-02 00:00:00', 0
                FROM n
                """);
        }

        var automerge = await db.Database.SqlQueryRaw<long>("SELECT v AS Value FROM users_search_config WHERE k = 'automerge'").SingleAsync();
        Assert.That(automerge, Is.Zero, "the writes merge nothing themselves");
        var merger = new SearchIndexMerger(_database.Options, NullLogger<SearchIndexMerger>.Instance, TimeProvider.System);

        Assert.That(await merger.MergeAsync(CancellationToken.None), Is.GreaterThan(0), "the segments were merged");
        Assert.That(await merger.MergeAsync(CancellationToken.None), Is.Zero, "nothing left to merge");
        await db.Database.ExecuteSqlRawAsync("INSERT INTO users_search(users_search, rank) VALUES ('integrity-check', 1)");
        var found = await db.Database.SqlQueryRaw<long>("SELECT count(*) AS Value FROM users_search WHERE users_search MATCH '\"last123\"'").SingleAsync();
        Assert.That(found, Is.EqualTo(20), "Last123 of each batch");
    }
}
