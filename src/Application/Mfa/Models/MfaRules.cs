using FluentValidation;

namespace Navixy.Panel.Application.Mfa.Models;

/// <summary>The required <c>settings</c> and <c>target</c> of the MFA updates, shared by each update and its dry run.</summary>
public static class MfaRules
{
    public static IRuleBuilderOptions<T, MfaSettingsModel?> ValidMfaSettings<T>(this IRuleBuilder<T, MfaSettingsModel?> rule) =>
        rule.NotNull().WithMessage("is required").SetValidator(new MfaSettingsModelValidator()!);

    public static IRuleBuilderOptions<T, MfaTargetModel?> ValidMfaTarget<T>(this IRuleBuilder<T, MfaTargetModel?> rule) =>
        rule.NotNull().WithMessage("is required").SetValidator(new MfaTargetModelValidator()!);
}
