using Microsoft.EntityFrameworkCore;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Domain.Dealers;
using Navixy.Panel.Domain.Mfa;
using Navixy.Panel.Domain.Users;
using Navixy.Panel.Infrastructure.IntegrationTests.Support;
using Navixy.Panel.Infrastructure.Persistence;
using Navixy.Panel.Infrastructure.Persistence.Repositories;
using Navixy.Panel.TestSupport;

namespace Navixy.Panel.Infrastructure.IntegrationTests.Persistence;

/// <summary>The user repository against real SQL: set-based MFA updates, isolation, round trips.</summary>
[TestFixtureSource(typeof(TestProviders), nameof(TestProviders.All))]
public sealed class UserRepositoryTests(string provider)
{
    private static readonly DateTime Now = new(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc);
    private static readonly MfaSettings Email = MfaSettings.Allow(MfaFactorTypes.Email);

    private TestDatabase _database = null!;
    private long _dealerA;
    private long _dealerB;
    private List<long> _mastersA = null!;
    private long _subUserA;
    private long _masterB;

    [SetUp]
    public async Task SetUp()
    {
        _database = TestDatabase.Create(provider);
        await using var db = _database.NewContext();
        await db.Database.MigrateAsync();
        var a = new Dealer("A", Now);
        var b = new Dealer("B", Now);
        db.Dealers.AddRange(a, b);
        await db.SaveChangesAsync();
        _dealerA = a.Id;
        _dealerB = b.Id;

        var masters = Enumerable.Range(0, 5).Select(i => NewMaster(a.Id, $"a{i}@example.com")).ToList();
        var other = NewMaster(b.Id, "b0@example.com");
        db.Users.AddRange(masters);
        db.Users.Add(other);
        await db.SaveChangesAsync();
        var sub = masters[0].CreateSubUser("a0.sub@example.com", "hash", "Sub", "User", Now);
        db.Users.Add(sub);
        await db.SaveChangesAsync();
        _mastersA = masters.Select(m => m.Id).ToList();
        _subUserA = sub.Id;
        _masterB = other.Id;
    }

    [TearDown]
    public void TearDown() => _database?.Dispose(); // null when the provider was skipped

    private static User NewMaster(long dealerId, string login) =>
        User.CreateMaster(dealerId, login, "hash", new UserProfile { FirstName = "F", LastName = login }, "en_US", "UTC", null, false, null, Now);

    private async Task<Dictionary<long, bool?>> MfaByUser()
    {
        await using var db = _database.NewContext();
        return await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.MfaAllowed);
    }

    [Test]
    public async Task SetMfaForAll_IsOneStatement_AndTouchesOnlyMastersOfThatDealer()
    {
        var counter = new CommandCounter();
        await using (var db = _database.NewContext(counter))
        {
            var changed = await new UserRepository(db, _database.Options).SetMfaForAllAsync(_dealerA, Email, Now, null, CancellationToken.None);
            Assert.That(changed, Is.EqualTo(5));
        }

        Assert.That(counter.Commands, Has.Count.EqualTo(1));
        Assert.That(counter.Commands.Single(), Does.StartWith("UPDATE"));
        var mfa = await MfaByUser();
        Assert.That(_mastersA.Select(id => mfa[id]), Is.All.True);
        Assert.That(mfa[_subUserA], Is.Null, "sub-users have no setting of their own");
        Assert.That(mfa[_masterB], Is.Null, "another dealer's users are untouched");
    }

    [Test]
    public async Task UpdateSelected_ThroughTheHandlerPath_TakesTwoRoundTripsInOneTransaction()
    {
        var counter = new CommandCounter();
        await using (var db = _database.NewContext(counter))
        {
            var users = new UserRepository(db, _database.Options);
            var ids = new[] { _mastersA[1], _mastersA[2], _mastersA[1] };
            await ((IUnitOfWork)db).InTransactionAsync(async ct =>
            {
                Assert.That(await new DealerRepository(db, new DatabaseOptions(_database.Provider, _database.ConnectionString, true, Path.GetTempPath())).BeginMfaChangeAsync(_dealerA, ct), Is.True);
                var changed = await users.SetMfaForSelectedAsync(_dealerA, ids, MfaSettings.Disallowed, Now, null, ct);
                Assert.That(changed, Is.EqualTo(2));
                return changed;
            }, CancellationToken.None);
        }

        Assert.That(counter.Commands, Has.Count.EqualTo(2), string.Join("\n", counter.Commands));
        Assert.That(counter.Commands.Last(), Does.StartWith("UPDATE"), "the lock first, then one UPDATE of the selected users");
        var mfa = await MfaByUser();
        Assert.That(new[] { mfa[_mastersA[1]], mfa[_mastersA[2]] }, Is.All.False);
        Assert.That(mfa[_mastersA[0]], Is.Null);
    }

    [Test]
    public async Task SetMfaForSelected_CountsOnlyMastersOfThatDealer_AndRollsBackWithTheTransaction()
    {
        await using (var db = _database.NewContext())
        {
            var users = new UserRepository(db, _database.Options);
            Assert.ThrowsAsync<InvalidOperationException>(() => ((IUnitOfWork)db).InTransactionAsync<int>(async ct =>
            {
                var changed = await users.SetMfaForSelectedAsync(_dealerA, [_mastersA[0], _subUserA, _masterB, 999_999], Email, Now, null, ct);
                Assert.That(changed, Is.EqualTo(1));
                throw new InvalidOperationException("refused");
            }, CancellationToken.None));
        }

        var mfa = await MfaByUser();
        Assert.That(new[] { mfa[_mastersA[0]], mfa[_subUserA], mfa[_masterB] }, Is.All.Null);
    }

    [Test]
    public async Task FindByLoginWithMfa_ForSubUser_ReportsTheAccountSettingAndDealerDefault()
    {
        await using (var db = _database.NewContext())
        {
            await new UserRepository(db, _database.Options).SetMfaForSelectedAsync(_dealerA, [_mastersA[0]], Email, Now, null, CancellationToken.None);
            var dealer = await db.Dealers.SingleAsync(d => d.Id == _dealerA);
            dealer.SetDefaultMfa(MfaSettings.Disallowed);
            await db.SaveChangesAsync();
        }

        await using var read = _database.NewContext();
        var found = await new UserRepository(read, _database.Options).FindByLoginWithMfaAsync("A0.SUB@example.com", CancellationToken.None);

        Assert.That(found, Is.Not.Null);
        Assert.That(found!.User.Id, Is.EqualTo(_subUserA));
        Assert.That(found.AccountMfa, Is.EqualTo(Email));
        Assert.That(found.DealerDefault, Is.EqualTo(MfaSettings.Disallowed));
        Assert.That(found.EffectiveMfa.IsAllowed, Is.True);
    }

    [Test]
    public async Task ListMasters_FiltersOrdersPagesAndCounts()
    {
        await using var db = _database.NewContext();
        var users = new UserRepository(db, _database.Options);

        var page = await users.ListMastersAsync(_dealerA, "EXAMPLE", null, null, UserOrder.Login, false, 1, 2, CancellationToken.None);

        Assert.That(page.Count, Is.EqualTo(5));
        Assert.That(page.Users.Select(u => u.Login), Is.EqualTo(new[] { "a3@example.com", "a2@example.com" }));
        var byId = await users.ListMastersAsync(_dealerA, _mastersA[4].ToString(System.Globalization.CultureInfo.InvariantCulture), null, null, UserOrder.Id, true, 0, 10, CancellationToken.None);
        Assert.That(byId.Users.Select(u => u.Id), Does.Contain(_mastersA[4]));
    }

    [Test]
    public async Task Insert_WithLoginTakenInAnotherCase_RaisesDuplicateKey()
    {
        await using var db = _database.NewContext();
        db.Users.Add(NewMaster(_dealerB, "A1@EXAMPLE.COM"));

        Assert.ThrowsAsync<DuplicateKeyException>(() => ((IUnitOfWork)db).SaveChangesAsync(CancellationToken.None));
    }

    [Test]
    public async Task InsertInTransaction_WithLoginTaken_RaisesDuplicateKey_AndCommitsNothing()
    {
        // The commit of a transaction unit saves through DbContext.SaveChangesAsync, not IUnitOfWork's: the upload's path.
        await using (var db = _database.NewContext())
        {
            var users = new UserRepository(db, _database.Options);
            Assert.ThrowsAsync<DuplicateKeyException>(() => ((IUnitOfWork)db).InTransactionAsync(async ct =>
            {
                await users.AddManyAsync([NewMaster(_dealerB, "fresh@example.com"), NewMaster(_dealerB, "A2@example.com")], ct);
                return true;
            }, CancellationToken.None));
        }

        await using var check = _database.NewContext();
        Assert.That(await check.Users.CountAsync(u => u.LoginKey == "fresh@example.com"), Is.Zero, "the transaction rolled back");
    }
}
