using FluentValidation;
using Navixy.Panel.Application.Mfa.Models;

namespace Navixy.Panel.Application.Mfa.Queries.DryRunUserMfaSettingsUpdate;

/// <summary>A dry run refuses exactly what the update refuses: both take their rules from <see cref="MfaRules"/>.</summary>
public sealed class DryRunUserMfaSettingsUpdateQueryValidator : AbstractValidator<DryRunUserMfaSettingsUpdateQuery>
{
    public DryRunUserMfaSettingsUpdateQueryValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(q => q.Target).ValidMfaTarget();
        RuleFor(q => q.Settings).ValidMfaSettings();
    }
}
