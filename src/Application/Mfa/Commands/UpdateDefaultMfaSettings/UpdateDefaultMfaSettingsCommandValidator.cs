using FluentValidation;
using Navixy.Panel.Application.Mfa.Models;

namespace Navixy.Panel.Application.Mfa.Commands.UpdateDefaultMfaSettings;

public sealed class UpdateDefaultMfaSettingsCommandValidator : AbstractValidator<UpdateDefaultMfaSettingsCommand>
{
    public UpdateDefaultMfaSettingsCommandValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.Settings).ValidMfaSettings();
    }
}
