using FluentValidation;
using Navixy.Panel.Application.Mfa.Models;

namespace Navixy.Panel.Application.Mfa.Queries.DryRunDefaultMfaSettingsUpdate;

/// <summary>A dry run refuses exactly what the update refuses: both take their rules from <see cref="MfaRules"/>.</summary>
public sealed class DryRunDefaultMfaSettingsUpdateQueryValidator : AbstractValidator<DryRunDefaultMfaSettingsUpdateQuery>
{
    public DryRunDefaultMfaSettingsUpdateQueryValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(q => q.Settings).ValidMfaSettings();
    }
}
