using FluentValidation;
using Navixy.Panel.Application.Mfa.Models;

namespace Navixy.Panel.Application.Users.Models;

/// <summary>Rules for a user as created by a dealer, shared by <c>create</c> and <c>upload</c>.</summary>
public sealed class UserModelValidator : AbstractValidator<UserModel>
{
    public const int NameMaxLength = 100;

    public UserModelValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(u => u.Login).ValidLogin();
        RuleFor(u => u.FirstName).NotEmpty().WithMessage("is required").MaximumLength(NameMaxLength).WithMessage("must be at most 100 characters");
        RuleFor(u => u.LastName).NotEmpty().WithMessage("is required").MaximumLength(NameMaxLength).WithMessage("must be at most 100 characters");
        RuleFor(u => u.MiddleName).MaximumLength(NameMaxLength).WithMessage("must be at most 100 characters");
        RuleFor(u => u.LegalType).NotEmpty().WithMessage("is required")
            .Must(t => UserModel.LegalTypes.Contains(t)).When(u => !string.IsNullOrEmpty(u.LegalType), ApplyConditionTo.CurrentValidator)
            .WithMessage("must be one of: individual, legal_entity, sole_trader");
        RuleFor(u => u.LegalName).NotEmpty().When(u => u.LegalType == UserModel.LegalEntity)
            .WithMessage("is required for a legal entity");
        RuleFor(u => u.LegalName).MaximumLength(200).WithMessage("must be at most 200 characters");
        RuleFor(u => u.Phone).Matches(@"^\d{0,15}$").WithMessage("must be at most 15 digits");
        RuleFor(u => u.PostCountry).MaximumLength(100).WithMessage("must be at most 100 characters");
        RuleFor(u => u.PostRegion).MaximumLength(100).WithMessage("must be at most 100 characters");
        RuleFor(u => u.PostCity).MaximumLength(100).WithMessage("must be at most 100 characters");
        RuleFor(u => u.PostStreetAddress).MaximumLength(200).WithMessage("must be at most 200 characters");
        RuleFor(u => u.PostIndex).MaximumLength(20).WithMessage("must be at most 20 characters");
        RuleFor(u => u.DealerMfaSettings!).SetValidator(new MfaSettingsModelValidator()).When(u => u.DealerMfaSettings is not null);
    }
}

/// <summary>Shared rules for new users' passwords and preferences.</summary>
public static class UserRules
{
    /// <summary>The login of a new user or sub-user: an address the code mails can reach (<see cref="DeliverableEmail"/>).</summary>
    public static IRuleBuilderOptions<T, string?> ValidLogin<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage("is required")
            .MaximumLength(DeliverableEmail.MaxLength).WithMessage("must be at most 254 characters")
            .Must(DeliverableEmail.IsDeliverable).WithMessage("must be a valid email address");

    public static IRuleBuilderOptions<T, string?> ValidPassword<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage("is required")
            .Length(8, 64).WithMessage("must be 8 to 64 characters")
            .Must(p => p is null || p.All(c => !char.IsControl(c))).WithMessage("must contain printable characters only");

    public static IRuleBuilderOptions<T, string?> ValidLocale<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage("is required").Matches(@"^[a-z]{2,3}(_[A-Z]{2})?$").WithMessage("must look like en_US");

    public static IRuleBuilderOptions<T, string?> ValidTimeZone<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage("is required").MaximumLength(64).WithMessage("must be at most 64 characters")
            .Matches(@"^[A-Za-z]+(?:[/_+\-][A-Za-z0-9]+)*$").WithMessage("must be an IANA time zone such as Europe/London");
}
