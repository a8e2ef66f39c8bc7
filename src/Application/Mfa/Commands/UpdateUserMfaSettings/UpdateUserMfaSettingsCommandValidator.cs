using FluentValidation;
using Navixy.Panel.Application.Mfa.Models;

namespace Navixy.Panel.Application.Mfa.Commands.UpdateUserMfaSettings;

public sealed class UpdateUserMfaSettingsCommandValidator : AbstractValidator<UpdateUserMfaSettingsCommand>
{
    public UpdateUserMfaSettingsCommandValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.Target).ValidMfaTarget();
        RuleFor(c => c.Settings).ValidMfaSettings();
    }
}
