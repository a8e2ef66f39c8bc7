namespace Navixy.Panel.Application.Users.Models;

/// <summary>A user as <c>panel/user/read</c> and <c>panel/user/list</c> show it.</summary>
public sealed record UserDto
{
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
}
