using Microsoft.EntityFrameworkCore;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Domain.Audit;
using Navixy.Panel.Domain.Dealers;
using Navixy.Panel.Domain.Mfa;
using Navixy.Panel.Domain.Users;
using Navixy.Panel.Infrastructure.IntegrationTests.Support;
using Navixy.Panel.Infrastructure.Persistence;
using Navixy.Panel.Infrastructure.Persistence.Repositories;

namespace Navixy.Panel.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// The security log's reads against the real database: <c>user_id</c> finds one user's events through the side
/// table's key, never by reading the log whole, and a user of another dealer finds none.
/// </summary>
[TestFixture("Sqlite")]
[TestFixture("Postgres")]
public sealed class AuditEventRepositoryTests(string provider) : OneDealerTest(provider)
{
    private static readonly DateTime Now = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    private static AuditEvent Selected(long dealerId, long userId, int minutesAgo) =>
        new(dealerId, Now.AddMinutes(-minutesAgo), AuditActions.MfaUpdate, AuditActor.System, null, AuditTarget.Selected([userId]), null, MfaSettings.Disallowed, 1);

    [Test]
    public async Task OneUsersEvents_AreFoundThroughTheSideTablesKey()
    {
        long[] users;
        long otherDealer;
        await using (var db = Database.NewContext())
        {
            var other = new Dealer("B", Now);
            db.Dealers.Add(other);
            var masters = Enumerable.Range(0, 2000).Select(i => User.CreateMaster(DealerId, $"u{i}@example.com", "hash", new UserProfile { FirstName = "U", LastName = "S" }, "en_US", "UTC", null, false, null, Now)).ToList();
            db.Users.AddRange(masters);
            await db.SaveChangesAsync();
            users = masters.Select(u => u.Id).ToArray();
            otherDealer = other.Id;
            // 40,000 events, 20 for each user, every 1,000th an update of all (enough rows that reading the log whole
            // would cost a planner more than the key); and the other dealer's events for the same ids.
            db.AuditEvents.AddRange(Enumerable.Range(0, 40_000).Select(i => i % 1000 == 0
                ? new AuditEvent(DealerId, Now.AddMinutes(-i), AuditActions.MfaUpdate, AuditActor.System, null, AuditTarget.All, null, MfaSettings.Disallowed, 200)
                : Selected(DealerId, users[i % users.Length], i)));
            db.AuditEvents.AddRange(Enumerable.Range(0, 50).Select(i => Selected(otherDealer, users[0], i)));
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlRawAsync(Database.Provider == DatabaseProvider.Sqlite ? "ANALYZE" : "ANALYZE audit_events, audit_event_users, users");
        }

        var plans = new QueryPlanRecorder(queries: true);
        await using var context = Database.NewContext(plans);
        var repository = new AuditEventRepository(context, Database.Options);

        var page = await repository.ListAsync(new AuditEventFilter(DealerId, users[7], null, null, null), 0, 100, CancellationToken.None);
        var stranger = await repository.ListAsync(new AuditEventFilter(otherDealer, users[7], null, null, null), 0, 100, CancellationToken.None);

        Assert.That(page.Count, Is.EqualTo(20 + 40), "its own 20 and the 40 updates of all");
        Assert.That(page.Events.Select(e => e.Id), Is.Ordered.Descending);
        Assert.That(page.Events.All(e => e.DealerId == DealerId && (e.Target!.Type == AuditTargetType.All || e.Target.Ids.SequenceEqual([users[7]]))), Is.True);
        Assert.That(stranger.Count, Is.Zero, "another dealer's user_id matches none of its events, its updates of all included");
        // A later page, and the same events through the path that also filters by action (each event fetched).
        var later = await repository.ListAsync(new AuditEventFilter(DealerId, users[7], null, null, null), 50, 20, CancellationToken.None);
        Assert.That((later.Count, later.Events.Select(e => e.Id)), Is.EqualTo((60, page.Events.Skip(50).Select(e => e.Id))));
        var filtered = await repository.ListAsync(new AuditEventFilter(DealerId, users[7], [AuditActions.MfaUpdate], null, null), 0, 100, CancellationToken.None);
        Assert.That((filtered.Count, filtered.Events.Select(e => e.Id)), Is.EqualTo((60, page.Events.Select(e => e.Id))));
        var text = string.Join("\n", plans.Plans);
        Assert.That(plans.Plans, Has.Count.GreaterThanOrEqualTo(2), text);
        Assert.That(text, Does.Not.Match(@"Seq Scan on audit_events|(?m)SCAN audit_events\s*$|SCAN audit_event_users\s*$|Seq Scan on audit_event_users"), "no table of the log is read whole:\n" + text);
    }
}
