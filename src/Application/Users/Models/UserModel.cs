using Navixy.Panel.Application.Common;
using Navixy.Panel.Application.Mfa.Models;
using Navixy.Panel.Domain.Users;

namespace Navixy.Panel.Application.Users.Models;

/// <summary>The <c>user</c> object of <c>panel/user/create</c> (and of each upload row).</summary>
/// <param name="Login">The user's email address; unique on the platform.</param>
/// <param name="LegalType"><c>individual</c>, <c>legal_entity</c> or <c>sole_trader</c>.</param>
/// <param name="Demo">A demo user is never asked for a second factor.</param>
/// <param name="DealerMfaSettings">The account's own MFA settings; when absent the dealer default applies. An extension: Navixy's panel sets them with a second call.</param>
/// <param name="Comment">At most 255 characters; the top-level <c>comment</c> of <c>create</c> is taken instead when both are sent.</param>
public sealed record UserModel(
    [property: RequiredParameter] string? Login,
    [property: RequiredParameter] string? FirstName,
    string? MiddleName,
    [property: RequiredParameter] string? LastName,
    string? LegalName,
    [property: RequiredParameter] string? LegalType,
    string? Phone,
    string? PostCountry,
    string? PostRegion,
    string? PostCity,
    string? PostStreetAddress,
    string? PostIndex,
    bool? Demo,
    [property: NavixyExtension] MfaSettingsModel? DealerMfaSettings,
    string? Comment = null)
{
    public const string Individual = "individual";
    public const string LegalEntity = "legal_entity";
    public const string SoleTrader = "sole_trader";

    public static readonly string[] LegalTypes = [Individual, LegalEntity, SoleTrader];

    public static Domain.Users.LegalType ParseLegalType(string? value) => value switch
    {
        LegalEntity => Domain.Users.LegalType.LegalEntity,
        SoleTrader => Domain.Users.LegalType.SoleTrader,
        _ => Domain.Users.LegalType.Individual,
    };

    public static string FormatLegalType(LegalType value) => value switch
    {
        Domain.Users.LegalType.LegalEntity => LegalEntity,
        Domain.Users.LegalType.SoleTrader => SoleTrader,
        _ => Individual,
    };

    public UserProfile ToProfile() => new()
    {
        LegalType = ParseLegalType(LegalType),
        FirstName = Clean(FirstName),
        MiddleName = Clean(MiddleName),
        LastName = Clean(LastName),
        LegalName = Clean(LegalName),
        Phone = Clean(Phone),
        PostCountry = Clean(PostCountry),
        PostRegion = Clean(PostRegion),
        PostCity = Clean(PostCity),
        PostStreetAddress = Clean(PostStreetAddress),
        PostIndex = Clean(PostIndex),
    };

    private static string Clean(string? value) => value?.Trim() ?? string.Empty;
}
