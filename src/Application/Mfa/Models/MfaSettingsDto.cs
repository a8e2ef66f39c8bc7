using System.Text.Json.Serialization;
using Navixy.Panel.Domain.Mfa;

namespace Navixy.Panel.Application.Mfa.Models;

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
