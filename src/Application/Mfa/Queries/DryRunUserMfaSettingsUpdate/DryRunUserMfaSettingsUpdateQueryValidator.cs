using FluentValidation;
using Navixy.Panel.Application.Mfa.Models;

namespace Navixy.Panel.Application.Mfa.Queries.DryRunUserMfaSettingsUpdate;

/// <summary>The rules of <c>UpdateUserMfaSettingsCommandValidator</c>: a dry run refuses exactly what the update refuses.</summary>
public sealed class DryRunUserMfaSettingsUpdateQueryValidator : AbstractValidator<DryRunUserMfaSettingsUpdateQuery>
{
    public DryRunUserMfaSettingsUpdateQueryValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(q => q.Target).NotNull().WithMessage("is required").SetValidator(new MfaTargetModelValidator()!);
        RuleFor(q => q.Settings).NotNull().WithMessage("is required").SetValidator(new MfaSettingsModelValidator()!);
    }
}
