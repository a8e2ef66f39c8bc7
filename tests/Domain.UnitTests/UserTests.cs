using Navixy.Panel.Domain.Dealers;
using Navixy.Panel.Domain.Mfa;
using Navixy.Panel.Domain.Panel;
using Navixy.Panel.Domain.Security;
using Navixy.Panel.Domain.Users;

namespace Navixy.Panel.Domain.UnitTests;

public sealed class UserTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc);

    private static User Master(MfaSettings? own = null) =>
        User.CreateMaster(1, " Jane@Example.com ", "hash", new UserProfile { FirstName = "Jane" }, "en_US", "UTC", null, false, own, Now);

    [Test]
    public void CreateMaster_TrimsLoginAndFoldsKey()
    {
        var user = Master();
        Assert.That(user.Login, Is.EqualTo("Jane@Example.com"));
        Assert.That(user.LoginKey, Is.EqualTo("jane@example.com"));
        Assert.That(user.IsMaster && user.Activated, Is.True);
    }

    [Test]
    public void CreateMaster_WithOrWithoutOwnSetting()
    {
        Assert.That(Master().OwnMfaSettings, Is.Null);
        var own = Master(MfaSettings.Allow(MfaFactorTypes.Email));
        Assert.That(own.OwnMfaSettings!.IsAllowed, Is.True);
        Assert.That(own.MfaUpdatedAt, Is.EqualTo(Now));
    }

    [Test]
    public void SubUser_HasNoOwnSettingAndCannotGetOne()
    {
        var sub = Master(MfaSettings.Allow(MfaFactorTypes.Email)).CreateSubUser("sub@example.com", "hash", "S", "U", Now);
        Assert.That(sub.IsMaster, Is.False);
        Assert.That(sub.OwnMfaSettings, Is.Null);
        Assert.Throws<InvalidOperationException>(() => sub.SetOwnMfa(MfaSettings.Disallowed, Now));
        Assert.Throws<InvalidOperationException>(() => sub.CreateSubUser("x@example.com", "hash", "X", "Y", Now));
    }

    [Test]
    public void Dealer_DefaultIsNullUntilSet()
    {
        var dealer = new Dealer("Acme", Now);
        Assert.That(dealer.DefaultMfaSettings, Is.Null);
        dealer.SetDefaultMfa(MfaSettings.Disallowed);
        Assert.That(dealer.DefaultMfaSettings, Is.EqualTo(MfaSettings.Disallowed));
    }

    [Test]
    public void PanelPermissions_ParseKnownRejectUnknownAndShapeAsCategoryMap()
    {
        Assert.That(PanelPermissions.TryParse("users:update, USERS:read", out var permissions, out var unknown), Is.True);
        Assert.That(unknown, Is.Empty);
        Assert.That(permissions.ToCategoryMap()["users"], Is.EqualTo(new[] { "read", "update" }));
        Assert.That(permissions.Has(PanelPermissions.UsersCreate), Is.False);
        Assert.That(PanelPermissions.FromStorage(permissions.ToStorage()), Is.EqualTo(permissions));
        Assert.That(PanelPermissions.TryParse("users:read,tariffs:delete", out _, out unknown), Is.False);
        Assert.That(unknown, Is.EqualTo(new[] { "tariffs:delete" }));
        Assert.That(PanelPermissions.All.ToCategoryMap()["users"], Is.EqualTo(new[] { "create", "read", "update" }));
    }

    [Test]
    public void PanelSession_LivesTwentyFourHoursFromCreation()
    {
        var session = new PanelSession([1, 2], 1, 1, Now);
        Assert.That(session.IsExpired(Now.AddHours(24).AddTicks(-1)), Is.False);
        Assert.That(session.IsExpired(Now.AddHours(24)), Is.True);
    }

    [Test]
    public void LoginFailure_KeepsTheLoginKey() =>
        Assert.That(new LoginFailure(LoginScope.User, " Jane@Example.COM ", Now).Login, Is.EqualTo("jane@example.com"));
}
