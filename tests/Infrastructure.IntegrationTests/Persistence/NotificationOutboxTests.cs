using Microsoft.EntityFrameworkCore;
using Navixy.Panel.Application.Notifications;
using Navixy.Panel.Domain.Dealers;
using Navixy.Panel.Domain.Mfa;
using Navixy.Panel.Domain.Notifications;
using Navixy.Panel.Domain.Users;
using Navixy.Panel.Infrastructure.IntegrationTests.Support;
using Navixy.Panel.Infrastructure.Persistence.Repositories;
using Navixy.Panel.TestSupport;

namespace Navixy.Panel.Infrastructure.IntegrationTests.Persistence;

/// <summary>The outbox against real SQL: the marks the users' UPDATE writes, the recipients in order, the lease.</summary>
[TestFixtureSource(typeof(TestProviders), nameof(TestProviders.All))]
public sealed class NotificationOutboxTests(string provider)
{
    private static readonly DateTime Now = new(2026, 12, 2, 12, 0, 0, DateTimeKind.Utc);

    private TestDatabase _database = null!;
    private long _dealer;
    private List<long> _masters = null!;
    private long _demo;
    private string _sub = null!;

    [SetUp]
    public async Task SetUp()
    {
        _database = TestDatabase.Create(provider);
        await using var db = _database.NewContext();
        await db.Database.MigrateAsync();
        var dealer = new Dealer("A", Now);
        db.Dealers.Add(dealer);
        await db.SaveChangesAsync();
        _dealer = dealer.Id;

        // Own on, own off, following the default (on), and a demo user with its own on.
        var masters = new[]
        {
            Master("on@example.com", MfaSettings.Allow(MfaFactorTypes.Email)),
            Master("off@example.com", MfaSettings.Disallowed),
            Master("follows@example.com", null),
        };
        var demo = User.CreateMaster(_dealer, "demo@example.com", "hash", new UserProfile(), "en_US", "UTC", null, true, MfaSettings.Allow(MfaFactorTypes.Email), Now);
        db.Users.AddRange(masters);
        db.Users.Add(demo);
        await db.SaveChangesAsync();
        var sub = masters[0].CreateSubUser("on.sub@example.com", "hash", "S", "U", Now);
        db.Users.Add(sub);
        await db.SaveChangesAsync();
        _masters = masters.Select(m => m.Id).ToList();
        _demo = demo.Id;
        _sub = sub.Login;
    }

    [TearDown]
    public void TearDown() => _database?.Dispose(); // null when the provider was skipped

    private User Master(string login, MfaSettings? own) =>
        User.CreateMaster(_dealer, login, "hash", new UserProfile(), "en_US", "UTC", null, false, own, Now);

    private async Task<long> TurnAllOffAsync()
    {
        await using var db = _database.NewContext();
        var outbox = new NotificationOutbox(db, _database.Options);
        var batchId = await outbox.AddBatchAsync(new NotificationBatch(_dealer, MfaNoticeKind.TurnedOff, Now, null, null), CancellationToken.None);
        await new UserRepository(db, _database.Options).SetMfaForAllAsync(_dealer, MfaSettings.Disallowed, Now, new MfaNoticeMark(batchId, MfaNoticeKind.TurnedOff, DefaultAllowed: true), CancellationToken.None);
        return batchId;
    }

    [Test]
    public async Task UpdateAll_MarksExactlyTheUsersItTurnsOff_AndTheirLoginsComeInOrderWithSubUsers()
    {
        var batchId = await TurnAllOffAsync();

        await using var db = _database.NewContext();
        var marked = await db.Users.Where(u => u.MfaOffNoticeBatchId == batchId).Select(u => u.Id).OrderBy(id => id).ToListAsync();
        var batch = await db.NotificationBatches.SingleAsync(b => b.Id == batchId);
        var recipients = await new NotificationOutbox(db, _database.Options).RecipientsAfterAsync(batch, 0, 0, 100, CancellationToken.None);

        Assert.That(marked, Is.EqualTo(new[] { _masters[0], _masters[2] }), "own on and following an on default; not own off, not demo");
        Assert.That(marked, Does.Not.Contain(_demo));
        Assert.That(recipients.Select(r => r.Login), Is.EqualTo(new[] { "on@example.com", _sub, "follows@example.com" }));
    }

    [Test]
    public async Task Update_ReadsAStoredAllowedWithoutFactorTypeAsOff_AsSignInDoes()
    {
        await using (var setUp = _database.NewContext())
        {
            await setUp.Users.Where(u => u.Id == _masters[0]).ExecuteUpdateAsync(s => s.SetProperty(u => u.MfaFactorTypes, MfaFactorTypes.None));
        }

        var offBatch = await TurnAllOffAsync();
        await using var db = _database.NewContext();
        Assert.That(await db.Users.Where(u => u.MfaOffNoticeBatchId == offBatch).Select(u => u.Id).ToListAsync(), Is.EqualTo(new[] { _masters[2] }),
            "sign-in asked the first user for no code, so turning MFA off changes nothing for it");

        await db.Users.Where(u => u.Id == _masters[0]).ExecuteUpdateAsync(s => s.SetProperty(u => u.MfaAllowed, true).SetProperty(u => u.MfaFactorTypes, MfaFactorTypes.None));
        var outbox = new NotificationOutbox(db, _database.Options);
        var onBatch = await outbox.AddBatchAsync(new NotificationBatch(_dealer, MfaNoticeKind.TurnedOn, Now, null, null), CancellationToken.None);
        await new UserRepository(db, _database.Options).SetMfaForAllAsync(_dealer, MfaSettings.Allow(MfaFactorTypes.Email), Now, new MfaNoticeMark(onBatch, MfaNoticeKind.TurnedOn, DefaultAllowed: true), CancellationToken.None);
        Assert.That(await db.Users.Where(u => u.MfaOnNoticeBatchId == onBatch).Select(u => u.Id).OrderBy(id => id).ToListAsync(), Is.EqualTo(new[] { _masters[0], _masters[1], _masters[2] }),
            "every non-demo master was asked for no code after the update to off");
    }

    [Test]
    public async Task RecipientsAfter_ResumesPastTheCursor_InPagesOfTheLimit()
    {
        var batchId = await TurnAllOffAsync();

        await using var db = _database.NewContext();
        var outbox = new NotificationOutbox(db, _database.Options);
        var batch = await db.NotificationBatches.SingleAsync(b => b.Id == batchId);
        var first = await outbox.RecipientsAfterAsync(batch, 0, 0, 1, CancellationToken.None);
        var next = await outbox.RecipientsAfterAsync(batch, first[0].MasterId, first[0].UserId, 1, CancellationToken.None);
        var last = await outbox.RecipientsAfterAsync(batch, next[0].MasterId, next[0].UserId, 5, CancellationToken.None);
        var none = await outbox.RecipientsAfterAsync(batch, last[^1].MasterId, last[^1].UserId, 5, CancellationToken.None);

        Assert.That(first.Concat(next).Concat(last).Select(r => r.Login), Is.EqualTo(new[] { "on@example.com", _sub, "follows@example.com" }));
        Assert.That(none, Is.Empty);
    }

    [Test]
    public async Task Claim_GivesTheBatchToOneOwner_UntilItsLeaseRunsOut()
    {
        var batchId = await TurnAllOffAsync();
        await using var db = _database.NewContext();
        var outbox = new NotificationOutbox(db, _database.Options);
        var lease = TimeSpan.FromSeconds(30);

        var first = await outbox.ClaimNextAsync("a", Now, lease, CancellationToken.None);
        var second = await outbox.ClaimNextAsync("b", Now.AddSeconds(10), lease, CancellationToken.None);
        var takenOver = await outbox.ClaimNextAsync("b", Now.AddSeconds(31), lease, CancellationToken.None);
        var recipient = new NoticeRecipient(_masters[0], _masters[0], "on@example.com");
        var staleAdvance = await outbox.AdvanceAsync(batchId, "a", recipient, delivered: true, Now.AddSeconds(60), CancellationToken.None);
        var ownAdvance = await outbox.AdvanceAsync(batchId, "b", recipient, delivered: true, Now.AddSeconds(60), CancellationToken.None);

        Assert.That(first?.Id, Is.EqualTo(batchId));
        Assert.That(second, Is.Null, "held by another owner");
        Assert.That(takenOver?.Id, Is.EqualTo(batchId), "after the lease ran out");
        Assert.That(staleAdvance, Is.False, "the old owner lost it");
        Assert.That(ownAdvance, Is.True);
        var stored = await db.NotificationBatches.AsNoTracking().SingleAsync(b => b.Id == batchId);
        Assert.That((stored.CursorMasterId, stored.CursorUserId, stored.Delivered), Is.EqualTo((_masters[0], _masters[0], 1)));
    }
}
