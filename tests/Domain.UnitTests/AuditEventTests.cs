using Navixy.Panel.Domain.Audit;
using Navixy.Panel.Domain.Mfa;
using Navixy.Panel.Domain.Users;

namespace Navixy.Panel.Domain.UnitTests;

public sealed class AuditEventTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    private static AuditEvent Event(AuditTarget? target, AuditActor? actor = null, long? dealerId = 4) =>
        new(dealerId, Now, AuditActions.MfaUpdate, actor ?? AuditActor.System, "192.0.2.1", target, null, MfaSettings.Disallowed, 1);

    [Test]
    public void AllAndDefaultTargets_ConcernEveryUserOfTheDealer_AsOneRow()
    {
        Assert.That(Event(AuditTarget.All).Users.Select(u => (u.DealerId, u.UserId)), Is.EqualTo(new[] { (4L, AuditEventUser.EveryUser) }));
        Assert.That(Event(AuditTarget.Default).Users.Select(u => u.UserId), Is.EqualTo(new[] { AuditEventUser.EveryUser }));
    }

    [Test]
    public void ASelection_ConcernsEachDistinctId_AndIsStoredAscending()
    {
        var e = Event(AuditTarget.Selected([9, 3, 9]));

        Assert.That(e.Users.Select(u => u.UserId), Is.EquivalentTo(new long[] { 3, 9 }));
        Assert.That(e.TargetIds, Is.EqualTo("3,9"));
        Assert.That(e.Target, Is.EqualTo(AuditTarget.FromStorage(AuditTargetType.Selected, "3,9")));
        Assert.That(e.Target!.Ids, Is.EqualTo(new long[] { 3, 9 }));
    }

    [Test]
    public void ASubUsersSignIn_ConcernsItAndItsMaster()
    {
        var master = User.CreateMaster(4, "m@example.com", "hash", new UserProfile { FirstName = "M", LastName = "U" }, "en_US", "UTC", null, false, null, Now);
        typeof(User).GetProperty(nameof(User.Id))!.SetValue(master, 10L);
        var sub = master.CreateSubUser("s@example.com", "hash", "S", "U", Now);
        typeof(User).GetProperty(nameof(User.Id))!.SetValue(sub, 11L);

        var e = new AuditEvent(4, Now, AuditActions.UserAuthCodeSent, AuditActor.ForUser(sub), null, AuditTarget.User(sub.Id), null, null, null);

        Assert.That(e.Users.Select(u => u.UserId), Is.EquivalentTo(new long[] { 10, 11 }));
        Assert.That(e.Actor, Is.EqualTo(new AuditActor(AuditActorType.User, 11, "s@example.com")));
    }

    [Test]
    public void AnEventOfNoDealer_ConcernsNobody()
    {
        var e = Event(target: null, AuditActor.PanelAccount(null, "who@example.com"), dealerId: null);

        Assert.That(e.Users, Is.Empty);
        Assert.That(e.ActorLogin, Is.EqualTo("who@example.com"));
    }

    [Test]
    public void ATypedLogin_IsCappedAtTheLengthALoginCanHave() =>
        Assert.That(AuditActor.PanelAccount(null, new string('x', 1000)).Login, Has.Length.EqualTo(AuditActor.MaxLoginLength));

    [Test]
    public void AnUnknownAction_IsRefused() =>
        Assert.Throws<ArgumentException>(() => _ = new AuditEvent(4, Now, "mfa.delete", AuditActor.System, null, null, null, null, null));
}
