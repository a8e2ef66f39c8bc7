using Navixy.Panel.Application.Mfa.Commands.UpdateDefaultMfaSettings;
using Navixy.Panel.Application.Mfa.Commands.UpdateUserMfaSettings;
using Navixy.Panel.Application.Mfa.Models;
using Navixy.Panel.Application.UnitTests.TestSupport;

namespace Navixy.Panel.Application.UnitTests.Mfa;

public sealed class MfaValidatorTests
{
    private static readonly MfaSettingsModel Allowed = new("allowed", ["email"]);
    private static readonly MfaTargetModel All = new("all", null);
    private readonly UpdateUserMfaSettingsCommandValidator _update = new();
    private readonly UpdateDefaultMfaSettingsCommandValidator _default = new();

    private string[] Rejected(MfaTargetModel? target, MfaSettingsModel? settings) =>
        Fakes.RejectedParameters(_update, new UpdateUserMfaSettingsCommand(1, target, settings));

    [Test]
    public void Validate_WhenTargetAllAndSettingsAllowedWithEmail_Accepts() =>
        Assert.That(Rejected(All, Allowed), Is.Empty);

    [Test]
    public void Validate_WhenDisallowedCarriesFactorTypes_IgnoresThem() =>
        Assert.That(Rejected(All, new MfaSettingsModel("disallowed", ["sms", "whatever"])), Is.Empty);

    [Test]
    public void Validate_WhenParametersMissing_NamesBoth() =>
        Assert.That(Rejected(null, null), Is.EqualTo(new[] { "settings", "target" }));

    [TestCase(null)]
    [TestCase("")]
    [TestCase("everyone")]
    public void Validate_WhenTargetTypeUnknown_NamesTargetType(string? type) =>
        Assert.That(Rejected(new MfaTargetModel(type, null), Allowed), Is.EqualTo(new[] { "target.type" }));

    [Test]
    public void Validate_WhenSelectedWithoutIds_NamesTargetIds() =>
        Assert.That(Rejected(new MfaTargetModel("selected", null), Allowed), Is.EqualTo(new[] { "target.ids" }));

    [TestCase(new long[] { 5 })]
    [TestCase(new long[0])]
    public void Validate_WhenAllCarriesIds_NamesTargetIds(long[] ids) =>
        Assert.That(Rejected(new MfaTargetModel("all", ids), Allowed), Is.EqualTo(new[] { "target.ids" }));

    [Test]
    public void Validate_WhenSelectedWithEmptyIds_NamesTargetIds() =>
        Assert.That(Rejected(new MfaTargetModel("selected", []), Allowed), Is.EqualTo(new[] { "target.ids" }));

    [TestCase(0L)]
    [TestCase(-5L)]
    public void Validate_WhenAnIdIsNotPositive_NamesTargetIds(long id) =>
        Assert.That(Rejected(new MfaTargetModel("selected", [1, id]), Allowed), Is.EqualTo(new[] { "target.ids" }));

    [Test]
    public void Validate_WhenHundredIds_Accepts() =>
        Assert.That(Rejected(new MfaTargetModel("selected", Enumerable.Range(1, 100).Select(i => (long)i).ToArray()), Allowed), Is.Empty);

    [Test]
    public void Validate_WhenHundredAndOneIdsEvenRepeated_NamesTargetIds() =>
        Assert.That(Rejected(new MfaTargetModel("selected", Enumerable.Repeat(1L, 101).ToArray()), Allowed), Is.EqualTo(new[] { "target.ids" }));

    [Test]
    public void Validate_WhenAllowedWithoutFactorTypes_NamesFactorTypes()
    {
        Assert.That(Rejected(All, new MfaSettingsModel("allowed", null)), Is.EqualTo(new[] { "settings.factor_types" }));
        Assert.That(Rejected(All, new MfaSettingsModel("allowed", [])), Is.EqualTo(new[] { "settings.factor_types" }));
    }

    [Test]
    public void Validate_WhenFactorTypeUnknown_NamesFactorTypes() =>
        Assert.That(Rejected(All, new MfaSettingsModel("allowed", ["email", "sms"])), Is.EqualTo(new[] { "settings.factor_types" }));

    [TestCase("enabled")]
    [TestCase("ALLOWED")]
    public void Validate_WhenSettingsTypeUnknown_NamesSettingsType(string type) =>
        Assert.That(Rejected(All, new MfaSettingsModel(type, ["email"])), Is.EqualTo(new[] { "settings.type" }));

    [Test]
    public void Validate_WhenDuplicateFactorTypes_AcceptsAndCollapses()
    {
        var settings = new MfaSettingsModel("allowed", ["email", "email"]);
        Assert.That(Rejected(All, settings), Is.Empty);
        Assert.That(settings.ToDomain().FactorTypeList, Has.Count.EqualTo(1));
    }

    [Test]
    public void ValidateDefault_WhenSettingsMissingOrInvalid_NamesThem()
    {
        Assert.That(Fakes.RejectedParameters(_default, new UpdateDefaultMfaSettingsCommand(1, null)), Is.EqualTo(new[] { "settings" }));
        Assert.That(Fakes.RejectedParameters(_default, new UpdateDefaultMfaSettingsCommand(1, new MfaSettingsModel("allowed", null))), Is.EqualTo(new[] { "settings.factor_types" }));
        Assert.That(Fakes.RejectedParameters(_default, new UpdateDefaultMfaSettingsCommand(1, new MfaSettingsModel("disallowed", null))), Is.Empty);
    }
}
