namespace Navixy.Panel.Domain.Users;

/// <summary>The descriptive fields of a user, as a dealer enters them; blanks are empty strings.</summary>
public sealed record UserProfile
{
    public LegalType LegalType { get; init; } = LegalType.Individual;

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
}
