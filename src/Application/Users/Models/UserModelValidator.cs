using FluentValidation;
using Navixy.Panel.Application.Common;
using Navixy.Panel.Application.Mfa.Models;

namespace Navixy.Panel.Application.Users.Models;

/// <summary>Rules for a user as created by a dealer, shared by <c>create</c> and <c>upload</c>.</summary>
public sealed class UserModelValidator : AbstractValidator<UserModel>
{
    public UserModelValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(u => u.Login).ValidLogin();
        RuleFor(u => u.FirstName).ValidName();
        RuleFor(u => u.LastName).ValidName();
        RuleFor(u => u.MiddleName).MaximumLength(UserRules.NameMaxLength).WithMessage($"must be at most {UserRules.NameMaxLength} characters").SingleLineText();
        RuleFor(u => u.LegalType).NotEmpty().WithMessage("is required")
            .Must(t => UserModel.LegalTypes.Contains(t)).When(u => !string.IsNullOrEmpty(u.LegalType), ApplyConditionTo.CurrentValidator)
            .WithMessage("must be one of: individual, legal_entity, sole_trader");
        RuleFor(u => u.LegalName).NotEmpty().When(u => u.LegalType == UserModel.LegalEntity)
            .WithMessage("is required for a legal entity");
        RuleFor(u => u.LegalName).MaximumLength(200).WithMessage("must be at most 200 characters").SingleLineText();
        RuleFor(u => u.Phone).Matches(@"^[0-9]{0,15}\z").WithMessage("must be at most 15 digits (0-9), without spaces or +");
        RuleFor(u => u.PostCountry).MaximumLength(100).WithMessage("must be at most 100 characters").SingleLineText();
        RuleFor(u => u.PostRegion).MaximumLength(100).WithMessage("must be at most 100 characters").SingleLineText();
        RuleFor(u => u.PostCity).MaximumLength(100).WithMessage("must be at most 100 characters").SingleLineText();
        RuleFor(u => u.PostStreetAddress).MaximumLength(200).WithMessage("must be at most 200 characters").MultiLineText();
        RuleFor(u => u.PostIndex).MaximumLength(20).WithMessage("must be at most 20 characters").SingleLineText();
        RuleFor(u => u.Comment).MaximumLength(255).WithMessage("must be at most 255 characters").MultiLineText();
        RuleFor(u => u.DealerMfaSettings!).SetValidator(new MfaSettingsModelValidator()).When(u => u.DealerMfaSettings is not null);
    }
}
