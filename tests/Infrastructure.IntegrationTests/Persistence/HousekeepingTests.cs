using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Navixy.Panel.Application.Audit;
using Navixy.Panel.Application.Housekeeping;
using Navixy.Panel.Domain.Audit;
using Navixy.Panel.Domain.Mfa;
using Navixy.Panel.Domain.Notifications;
using Navixy.Panel.Domain.Panel;
using Navixy.Panel.Domain.Security;
using Navixy.Panel.Domain.Users;
using Navixy.Panel.Infrastructure.IntegrationTests.Support;
using Navixy.Panel.Infrastructure.Persistence;

namespace Navixy.Panel.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// Housekeeping passes against the real database: which rows go and which stay, one bounded statement per batch,
/// and two instances purging the same tables at once.
/// </summary>
[TestFixture("Sqlite")]
[TestFixture("Postgres")]
public sealed class HousekeepingTests(string provider) : OneDealerTest(provider)
{
    private static readonly DateTime Now = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private long _accountId;
    private long _userId;

    [SetUp]
    public async Task CreateAccountAndUser()
    {
        await using var db = Database.NewContext();
        var account = new PanelAccount(DealerId, "ops", "hash", PanelPermissions.All, Now - TimeSpan.FromDays(60));
        var user = User.CreateMaster(DealerId, "jane@example.com", "hash", new UserProfile { FirstName = "Jane", LastName = "Doe" }, "en_US", "UTC", null, false, null, Now - TimeSpan.FromDays(60));
        db.PanelAccounts.Add(account);
        db.Users.Add(user);
        await db.SaveChangesAsync();
        _accountId = account.Id;
        _userId = user.Id;
    }

    [Test]
    public async Task Pass_RemovesExpiredRows_AndKeepsLiveOnes()
    {
        var touched = UserSession.StartFull(Digest(), _userId, Now - TimeSpan.FromDays(40));
        touched.Touch(Now - UserSession.FullIdleLifetime + Second);
        var live = new Dictionary<string, object>
        {
            ["panel session one second from expiry"] = Panel(Now - PanelSession.Lifetime + Second),
            ["full session one second from expiry"] = UserSession.StartFull(Digest(), _userId, Now - UserSession.FullIdleLifetime + Second),
            ["full session used 30 days minus a second ago, created 40 days ago"] = touched,
            ["second-factor session inside its 15 minutes"] = UserSession.StartSecondFactor(Digest(), _userId, Now - UserSession.SecondFactorLifetime + Second),
            ["failure inside its window"] = new LoginFailure(LoginScope.User, "jane@example.com", Now - LoginFailure.Window + Second),
            ["code mail inside the day"] = new SecondFactorEvent(_userId, SecondFactorEventKind.CodeMailed, Now - SecondFactorEvent.Retention + Second),
            ["audit event a second inside its retention"] = Audit(Now - Retention + Second),
        };
        var dead = new Dictionary<string, object>
        {
            ["panel session expired a second ago"] = Panel(Now - PanelSession.Lifetime - Second),
            ["panel session expiring now"] = Panel(Now - PanelSession.Lifetime),
            ["full session idle 30 days and a second"] = UserSession.StartFull(Digest(), _userId, Now - UserSession.FullIdleLifetime - Second),
            ["second-factor session past its 15 minutes"] = UserSession.StartSecondFactor(Digest(), _userId, Now - UserSession.SecondFactorLifetime - Second),
            ["failure out of its window"] = new LoginFailure(LoginScope.Panel, "ops", Now - LoginFailure.Window - Second),
            ["code check a day and a second ago"] = new SecondFactorEvent(_userId, SecondFactorEventKind.CodeChecked, Now - SecondFactorEvent.Retention - Second),
            ["code mail a day ago"] = new SecondFactorEvent(_userId, SecondFactorEventKind.CodeMailed, Now - SecondFactorEvent.Retention),
            ["audit event a second past its retention"] = Audit(Now - Retention - Second),
        };
        await using (var db = Database.NewContext())
        {
            db.AddRange(live.Values.Concat(dead.Values));
            await db.SaveChangesAsync();
        }

        await using var instance = new HousekeepingInstance(Database, new FrozenClock(Now), batchSize: 1000);
        var removed = await instance.RunPassAsync();

        Assert.That(removed, Is.EquivalentTo(new Dictionary<string, int> { ["panel_sessions"] = 2, ["user_sessions"] = 2, ["login_failures"] = 1, ["second_factor_events"] = 2, ["audit_events"] = 1, ["notification_batches"] = 0 }));
        await using var check = Database.NewContext();
        var left = (await check.PanelSessions.Select(s => s.Id).ToListAsync()).Select(id => ("panel", id))
            .Concat((await check.UserSessions.Select(s => s.Id).ToListAsync()).Select(id => ("user", id)))
            .Concat((await check.LoginFailures.Select(f => f.Id).ToListAsync()).Select(id => ("failure", id)))
            .Concat((await check.SecondFactorEvents.Select(e => e.Id).ToListAsync()).Select(id => ("event", id)))
            .Concat((await check.AuditEvents.Select(e => e.Id).ToListAsync()).Select(id => ("audit", id)));
        Assert.That(left, Is.EquivalentTo(live.Values.Select(Key)), "exactly the live rows are left");
        Assert.That(await check.AuditEventUsers.Select(u => u.EventId).ToListAsync(), Is.EqualTo(new[] { Key(live["audit event a second inside its retention"]).Item2 }), "an event's users go with it");
    }

    [Test]
    public async Task Pass_RemovesNotificationBatchesCompletedLongerAgoThanKept_NeverPendingOnes()
    {
        long[] ids;
        await using (var db = Database.NewContext())
        {
            var batches = Enumerable.Range(0, 4).Select(_ => new NotificationBatch(DealerId, MfaNoticeKind.TurnedOff, Now - TimeSpan.FromDays(60), null, null)).ToArray();
            db.NotificationBatches.AddRange(batches);
            await db.SaveChangesAsync();
            ids = [.. batches.Select(b => b.Id)];
            // Pending for 60 days (SMTP down all along), completed a second inside and a second past the time kept, and just now.
            foreach (var (id, completedAt) in new[] { (ids[1], Now - CompletedNotificationBatches.Kept + Second), (ids[2], Now - CompletedNotificationBatches.Kept - Second), (ids[3], Now) })
            {
                await db.NotificationBatches.Where(b => b.Id == id).ExecuteUpdateAsync(u => u.SetProperty(b => b.CompletedAt, completedAt));
            }
        }

        await using var instance = new HousekeepingInstance(Database, new FrozenClock(Now), batchSize: 1000);
        var removed = await instance.RunPassAsync();

        Assert.That(removed["notification_batches"], Is.EqualTo(1));
        await using var check = Database.NewContext();
        Assert.That(await check.NotificationBatches.Select(b => b.Id).OrderBy(id => id).ToListAsync(), Is.EqualTo(new[] { ids[0], ids[1], ids[3] }), "the pending batch stays however old");
    }

    [Test]
    public async Task Pass_RemovesInBatchesOfTheConfiguredSize_EachOneStatement()
    {
        await using (var db = Database.NewContext())
        {
            db.UserSessions.AddRange(Enumerable.Range(0, 35).Select(i => UserSession.StartSecondFactor(Digest(), _userId, Now - TimeSpan.FromHours(1) - (i * Second))));
            db.UserSessions.Add(UserSession.StartFull(Digest(), _userId, Now));
            await db.SaveChangesAsync();
        }

        var counter = new CommandCounter();
        await using var instance = new HousekeepingInstance(Database, new FrozenClock(Now), batchSize: 10, counter);
        var removed = await instance.RunPassAsync();

        Assert.That(removed["user_sessions"], Is.EqualTo(35));
        var deletes = counter.Commands.Where(c => c.Contains("user_sessions", StringComparison.Ordinal)).ToArray();
        Assert.That(deletes, Has.Length.EqualTo(4), "10 + 10 + 10 + 5: the short batch ends the table's turn");
        Assert.That(deletes, Has.All.StartsWith("DELETE FROM").And.Contain("LIMIT").And.Not.Contain(";"), string.Join("\n\n", deletes));
        Assert.That(counter.Commands, Has.Count.EqualTo(9), "one statement for each of the other five (empty) tables");
        await using var check = Database.NewContext();
        Assert.That(await check.UserSessions.CountAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task EachBatch_FindsItsRowsThroughTheExpiryIndex()
    {
        await using (var db = Database.NewContext())
        {
            // Enough rows, most of them live, that a table scan would cost the planner more than the index.
            db.UserSessions.AddRange(Enumerable.Range(0, 3000).Select(i => UserSession.StartFull(Digest(), _userId, Now - TimeSpan.FromMinutes(i))));
            db.PanelSessions.AddRange(Enumerable.Range(0, 3000).Select(i => Panel(Now - TimeSpan.FromMinutes(i))));
            db.LoginFailures.AddRange(Enumerable.Range(0, 3000).Select(i => new LoginFailure(LoginScope.User, $"spray{i}@example.com", Now - TimeSpan.FromSeconds(i))));
            db.SecondFactorEvents.AddRange(Enumerable.Range(0, 3000).Select(i => new SecondFactorEvent(_userId, SecondFactorEventKind.CodeChecked, Now - TimeSpan.FromSeconds(i))));
            db.AuditEvents.AddRange(Enumerable.Range(0, 3000).Select(i => Audit(Now - TimeSpan.FromMinutes(i))));
            db.NotificationBatches.AddRange(Enumerable.Range(0, 3000).Select(i => new NotificationBatch(DealerId, MfaNoticeKind.TurnedOff, Now - TimeSpan.FromMinutes(i), null, null)));
            await db.SaveChangesAsync();
            await db.NotificationBatches.ExecuteUpdateAsync(u => u.SetProperty(b => b.CompletedAt, b => b.ChangedAt));
            await db.Database.ExecuteSqlRawAsync(Database.Provider == DatabaseProvider.Sqlite ? "ANALYZE" : "ANALYZE user_sessions, panel_sessions, login_failures, second_factor_events, audit_events, audit_event_users, notification_batches");
        }

        var plans = new QueryPlanRecorder();
        await using var instance = new HousekeepingInstance(Database, new FrozenClock(Now), batchSize: 100, plans);
        await instance.RunPassAsync();

        var text = string.Join("\n", plans.Plans);
        Assert.That(plans.Plans, Has.Count.GreaterThanOrEqualTo(4), text);
        foreach (var index in new[] { "IX_panel_sessions_expires_at", "IX_user_sessions_expires_at", "IX_login_failures_occurred_at", "IX_second_factor_events_occurred_at", "IX_audit_events_occurred_at", "IX_notification_batches_completed_at" })
        {
            Assert.That(text, Does.Contain(index), text);
        }

        Assert.That(text, Does.Not.Contain("Seq Scan").And.Not.Match(@"(?m)SCAN \w+\s*$"), "no table is read whole:\n" + text);
    }

    [Test]
    public async Task TwoInstancesPurgingAtOnce_NeitherFails_AndTogetherRemoveEachRowOnce()
    {
        const int Sessions = 3000, Failures = 1000, PanelSessions = 500, Events = 500;
        await using (var db = Database.NewContext())
        {
            db.UserSessions.AddRange(Enumerable.Range(0, Sessions).Select(i => UserSession.StartSecondFactor(Digest(), _userId, Now - TimeSpan.FromHours(1) - (i % 7 * Second))));
            db.LoginFailures.AddRange(Enumerable.Range(0, Failures).Select(i => new LoginFailure(LoginScope.User, $"spray{i}@example.com", Now - TimeSpan.FromHours(1))));
            db.PanelSessions.AddRange(Enumerable.Range(0, PanelSessions).Select(_ => Panel(Now - TimeSpan.FromDays(2))));
            db.SecondFactorEvents.AddRange(Enumerable.Range(0, Events).Select(_ => new SecondFactorEvent(_userId, SecondFactorEventKind.CodeMailed, Now - TimeSpan.FromDays(2))));
            db.AuditEvents.AddRange(Enumerable.Range(0, Events).Select(_ => Audit(Now - Retention - TimeSpan.FromDays(1))));
            db.UserSessions.Add(UserSession.StartFull(Digest(), _userId, Now));
            await db.SaveChangesAsync();
        }

        await using var first = new HousekeepingInstance(Database, new FrozenClock(Now), batchSize: 50);
        await using var second = new HousekeepingInstance(Database, new FrozenClock(Now), batchSize: 50);
        // Task.Run: SQLite waits for the other writer synchronously (busy timeout) inside the async call.
        var passes = await Task.WhenAll(Task.Run(first.RunPassAsync), Task.Run(second.RunPassAsync)).WaitAsync(TimeSpan.FromSeconds(120));

        Assert.That(passes.Sum(p => p["user_sessions"]), Is.EqualTo(Sessions), "each row counted by exactly one instance");
        Assert.That(passes.Sum(p => p["login_failures"]), Is.EqualTo(Failures));
        Assert.That(passes.Sum(p => p["panel_sessions"]), Is.EqualTo(PanelSessions));
        Assert.That(passes.Sum(p => p["second_factor_events"]), Is.EqualTo(Events));
        Assert.That(passes.Sum(p => p["audit_events"]), Is.EqualTo(Events));
        await using var check = Database.NewContext();
        Assert.That(await check.UserSessions.CountAsync(), Is.EqualTo(1), "the live session stays");
        Assert.That(await check.LoginFailures.CountAsync() + await check.PanelSessions.CountAsync() + await check.SecondFactorEvents.CountAsync() + await check.AuditEvents.CountAsync(), Is.Zero);
    }

    private static byte[] Digest() => RandomNumberGenerator.GetBytes(32);

    private PanelSession Panel(DateTime createdAt) => new(Digest(), _accountId, DealerId, createdAt);

    private static readonly TimeSpan Retention = TimeSpan.FromDays(AuditOptions.DefaultRetentionDays);

    private AuditEvent Audit(DateTime at) =>
        new(DealerId, at, AuditActions.MfaUpdate, AuditActor.System, null, AuditTarget.Selected([_userId]), null, MfaSettings.Disallowed, 1);

    private static (string, long) Key(object row) => row switch
    {
        PanelSession s => ("panel", s.Id),
        UserSession s => ("user", s.Id),
        LoginFailure f => ("failure", f.Id),
        SecondFactorEvent e => ("event", e.Id),
        AuditEvent e => ("audit", e.Id),
        _ => throw new ArgumentOutOfRangeException(nameof(row)),
    };
}
