using System.Text.Json.Serialization;
using FluentValidation;
using Navixy.Panel.Domain.Mfa;

namespace Navixy.Panel.Application.Mfa.Models;

/// <summary>MFA settings as sent: <c>{"type": "allowed", "factor_types": ["email"]}</c> or <c>{"type": "disallowed"}</c>.</summary>
/// <param name="Type"><c>allowed</c> or <c>disallowed</c>.</param>
/// <param name="FactorTypes">Required and non-empty when allowed; only <c>email</c> exists. Ignored when disallowed.</param>
public sealed record MfaSettingsModel(string? Type, IReadOnlyList<string?>? FactorTypes)
{
    public const string Allowed = "allowed";
    public const string Disallowed = "disallowed";
    public const string Email = "email";

    /// <summary>The domain value; call only after <see cref="MfaSettingsModelValidator"/> accepted the model.</summary>
    public MfaSettings ToDomain() => Type == Allowed
        ? MfaSettings.Allow(FactorTypes!.Select(ParseFactorType))
        : MfaSettings.Disallowed;

    public static MfaFactorTypes ParseFactorType(string? name) => name switch
    {
        Email => MfaFactorTypes.Email,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown factor type."),
    };
}

/// <summary>MFA settings as answered; <c>factor_types</c> is left out when disallowed.</summary>
public sealed record MfaSettingsDto(
    string Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? FactorTypes)
{
    public static MfaSettingsDto? From(MfaSettings? settings) => settings switch
    {
        null => null,
        { IsAllowed: true } => new MfaSettingsDto(MfaSettingsModel.Allowed, settings.FactorTypeList.Select(t => t.ToString().ToLowerInvariant()).ToArray()),
        _ => new MfaSettingsDto(MfaSettingsModel.Disallowed, null),
    };
}

public sealed class MfaSettingsModelValidator : AbstractValidator<MfaSettingsModel>
{
    private static readonly string[] Types = [MfaSettingsModel.Allowed, MfaSettingsModel.Disallowed];

    public MfaSettingsModelValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(s => s.Type)
            .NotEmpty().WithMessage("is required")
            .Must(t => Types.Contains(t)).When(s => !string.IsNullOrEmpty(s.Type), ApplyConditionTo.CurrentValidator).WithMessage("must be one of: allowed, disallowed");
        When(s => s.Type == MfaSettingsModel.Allowed, () =>
        {
            RuleFor(s => s.FactorTypes)
                .NotEmpty().WithMessage("is required and must not be empty when type is allowed");
            RuleForEach(s => s.FactorTypes)
                .Must(t => t == MfaSettingsModel.Email).WithMessage("must be one of: email");
        });
    }
}
