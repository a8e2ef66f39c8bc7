using FluentValidation;

namespace Navixy.Panel.Application.Mfa.Models;

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
