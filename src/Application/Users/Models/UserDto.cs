using Navixy.Panel.Application.Common;
using Navixy.Panel.Domain.Mfa;

namespace Navixy.Panel.Application.Users.Models;

/// <summary>A user as <c>panel/user/read</c> and <c>panel/user/list</c> show it.</summary>
public sealed record UserDto
{
    public const string SourceOwn = "own";
    public const string SourceDefault = "default";
    public const string SourceNone = "none";
    public const string SourceDemo = "demo";

    public long Id { get; init; }

    public long DealerId { get; init; }

    public string Login { get; init; } = string.Empty;

    public bool Activated { get; init; }

    public bool Verified { get; init; }

    public string LegalType { get; init; } = UserModel.Individual;

    public string FirstName { get; init; } = string.Empty;

    public string MiddleName { get; init; } = string.Empty;

    public string LastName { get; init; } = string.Empty;

    public string LegalName { get; init; } = string.Empty;

    public string Phone { get; init; } = string.Empty;

    public string PostCountry { get; init; } = string.Empty;

    public string PostRegion { get; init; } = string.Empty;

    public string PostCity { get; init; } = string.Empty;

    public string PostStreetAddress { get; init; } = string.Empty;

    public string PostIndex { get; init; } = string.Empty;

    /// <summary>Creation time in UTC, <c>yyyy-MM-dd HH:mm:ss</c>.</summary>
    public string CreationDate { get; init; } = string.Empty;

    public string Comment { get; init; } = string.Empty;

    public bool Demo { get; init; }

    /// <summary>The effective setting: the account's own, else the dealer default, else disallowed.</summary>
    public bool MfaAllowed { get; init; }

    /// <summary>Where the setting comes from: <c>own</c>, <c>default</c>, <c>none</c> or <c>demo</c> (exempt).</summary>
    [NavixyExtension]
    public string MfaSource { get; init; } = SourceNone;

    /// <summary>When the account's own setting was last set, UTC <c>yyyy-MM-dd HH:mm:ss</c>; null when never.</summary>
    [NavixyExtension]
    public string? MfaUpdatedAt { get; init; }

    /// <summary>The fields that need the dealer default: <c>mfa_allowed</c> and <c>mfa_source</c>.</summary>
    public UserDto WithMfa(bool demo, MfaSettings? own, MfaSettings? dealerDefault) => this with
    {
        MfaAllowed = MfaSettings.Effective(own, dealerDefault).IsAllowed,
        MfaSource = MfaSettings.SourceOf(demo, own, dealerDefault) switch
        {
            Domain.Mfa.MfaSource.Own => SourceOwn,
            Domain.Mfa.MfaSource.Default => SourceDefault,
            Domain.Mfa.MfaSource.Demo => SourceDemo,
            _ => SourceNone,
        },
    };
}
