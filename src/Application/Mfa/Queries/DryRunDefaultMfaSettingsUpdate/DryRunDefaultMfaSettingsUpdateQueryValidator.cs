using FluentValidation;
using Navixy.Panel.Application.Mfa.Models;

namespace Navixy.Panel.Application.Mfa.Queries.DryRunDefaultMfaSettingsUpdate;

/// <summary>The rules of <c>UpdateDefaultMfaSettingsCommandValidator</c>: a dry run refuses exactly what the update refuses.</summary>
public sealed class DryRunDefaultMfaSettingsUpdateQueryValidator : AbstractValidator<DryRunDefaultMfaSettingsUpdateQuery>
{
    public DryRunDefaultMfaSettingsUpdateQueryValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(q => q.Settings).NotNull().WithMessage("is required").SetValidator(new MfaSettingsModelValidator()!);
    }
}
