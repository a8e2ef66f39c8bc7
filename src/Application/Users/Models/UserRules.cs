using FluentValidation;
using Navixy.Panel.Application.Common;

namespace Navixy.Panel.Application.Users.Models;

/// <summary>Shared rules for new users' logins, names, passwords and preferences.</summary>
public static class UserRules
{
    public const int NameMaxLength = 100;

    /// <summary>The login of a new user or sub-user: an address the code mails can reach (<see cref="DeliverableEmail"/>).</summary>
    public static IRuleBuilderOptions<T, string?> ValidLogin<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage("is required")
            .MaximumLength(DeliverableEmail.MaxLength).WithMessage($"must be at most {DeliverableEmail.MaxLength} characters")
            .Must(DeliverableEmail.IsDeliverable).WithMessage("must be a valid email address");

    /// <summary>A required first or last name.</summary>
    public static IRuleBuilderOptions<T, string?> ValidName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage("is required")
            .MaximumLength(NameMaxLength).WithMessage($"must be at most {NameMaxLength} characters")
            .SingleLineText();

    public static IRuleBuilderOptions<T, string?> ValidPassword<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage("is required")
            .Length(8, 64).WithMessage("must be 8 to 64 characters")
            .Must(p => p is null || p.All(c => !char.IsControl(c))).WithMessage("must contain printable characters only");

    public static IRuleBuilderOptions<T, string?> ValidLocale<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage("is required").Matches(@"^[a-z]{2,3}(_[A-Z]{2})?\z").WithMessage("must look like en_US");

    /// <summary>A zone of the time-zone database the host has (<c>London</c> looks like one and is not).</summary>
    public static IRuleBuilderOptions<T, string?> ValidTimeZone<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage("is required").MaximumLength(64).WithMessage("must be at most 64 characters")
            .Matches(@"^[A-Za-z]+(?:[/_+\-][A-Za-z0-9]+)*\z").WithMessage("must be an IANA time zone such as Europe/London")
            .Must(KnownTimeZone).WithMessage("must be an IANA time zone such as Europe/London");

    // A host without a time-zone database (a bare container) knows UTC alone: the format check is all it can give.
    private static readonly bool HostKnowsTimeZones = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out _);

    // Spelt as the database spells it: .NET also finds "europe/london", which other readers of the stored value may not.
    private static bool KnownTimeZone(string? id) =>
        id is null || !HostKnowsTimeZones
        || (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && string.Equals(zone.Id, id, StringComparison.Ordinal));
}
