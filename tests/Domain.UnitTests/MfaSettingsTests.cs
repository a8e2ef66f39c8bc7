using Navixy.Panel.Domain.Mfa;

namespace Navixy.Panel.Domain.UnitTests;

public sealed class MfaSettingsTests
{
    private static readonly MfaSettings Email = MfaSettings.Allow(MfaFactorTypes.Email);

    [Test]
    public void Allow_WithDuplicates_Collapses() =>
        Assert.That(MfaSettings.Allow([MfaFactorTypes.Email, MfaFactorTypes.Email]).FactorTypeList, Is.EqualTo(new[] { MfaFactorTypes.Email }));

    [Test]
    public void Allow_WithNoFactorType_Throws()
    {
        Assert.Throws<ArgumentException>(() => MfaSettings.Allow([]));
        Assert.Throws<ArgumentException>(() => MfaSettings.Allow(MfaFactorTypes.None));
    }

    [Test]
    public void Disallowed_HasNoFactorTypes() =>
        Assert.That(MfaSettings.Disallowed.FactorTypeList, Is.Empty);

    [Test]
    public void Effective_IsOwnElseDefaultElseDisallowed()
    {
        Assert.That(MfaSettings.Effective(MfaSettings.Disallowed, Email), Is.EqualTo(MfaSettings.Disallowed));
        Assert.That(MfaSettings.Effective(Email, MfaSettings.Disallowed), Is.EqualTo(Email));
        Assert.That(MfaSettings.Effective(null, Email), Is.EqualTo(Email));
        Assert.That(MfaSettings.Effective(null, null), Is.EqualTo(MfaSettings.Disallowed));
    }

    [Test]
    public void SourceOf_DemoOutranksOwnWhichOutranksDefault()
    {
        Assert.That(MfaSettings.SourceOf(true, Email, Email), Is.EqualTo(MfaSource.Demo));
        Assert.That(MfaSettings.SourceOf(false, MfaSettings.Disallowed, Email), Is.EqualTo(MfaSource.Own));
        Assert.That(MfaSettings.SourceOf(false, null, MfaSettings.Disallowed), Is.EqualTo(MfaSource.Default));
        Assert.That(MfaSettings.SourceOf(false, null, null), Is.EqualTo(MfaSource.None));
    }

    [Test]
    public void EnforcedAtSignIn_IsTheEffectiveSettingExceptForDemoUsers()
    {
        Assert.That(MfaSettings.EnforcedAtSignIn(false, null, Email), Is.True);
        Assert.That(MfaSettings.EnforcedAtSignIn(false, MfaSettings.Disallowed, Email), Is.False);
        Assert.That(MfaSettings.EnforcedAtSignIn(false, null, null), Is.False);
        Assert.That(MfaSettings.EnforcedAtSignIn(true, Email, Email), Is.False);
    }

    [Test]
    public void FromStorage_RoundTripsAndTreatsNullModeAsNoSetting()
    {
        Assert.That(MfaSettings.FromStorage(null, MfaFactorTypes.Email), Is.Null);
        Assert.That(MfaSettings.FromStorage(false, MfaFactorTypes.Email), Is.EqualTo(MfaSettings.Disallowed));
        Assert.That(MfaSettings.FromStorage(true, MfaFactorTypes.Email), Is.EqualTo(Email));
        Assert.That(MfaSettings.FromStorage(true, MfaFactorTypes.None), Is.EqualTo(MfaSettings.Disallowed));
    }

    [Test]
    public void Selected_KeepsDistinctIdsAndRefusesBadLists()
    {
        var target = (MfaTarget.SelectedUsers)MfaTarget.Selected([3, 1, 3]);
        Assert.That(target.Ids, Is.EqualTo(new long[] { 1, 3 }));
        Assert.Throws<ArgumentException>(() => MfaTarget.Selected([]));
        Assert.Throws<ArgumentException>(() => MfaTarget.Selected([1, 0]));
        Assert.Throws<ArgumentException>(() => MfaTarget.Selected([-1]));
        Assert.Throws<ArgumentException>(() => MfaTarget.Selected(Enumerable.Repeat(1L, 101).ToArray()));
        Assert.That(MfaTarget.Selected(Enumerable.Range(1, 100).Select(i => (long)i).ToArray()), Is.InstanceOf<MfaTarget.SelectedUsers>());
    }
}
