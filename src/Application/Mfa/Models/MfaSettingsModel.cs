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
