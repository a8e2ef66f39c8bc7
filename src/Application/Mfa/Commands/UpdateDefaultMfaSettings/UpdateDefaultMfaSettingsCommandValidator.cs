using FluentValidation;
using Navixy.Panel.Application.Mfa.Models;

namespace Navixy.Panel.Application.Mfa.Commands.UpdateDefaultMfaSettings;

public sealed class UpdateDefaultMfaSettingsCommandValidator : AbstractValidator<UpdateDefaultMfaSettingsCommand>
{
    public UpdateDefaultMfaSettingsCommandValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.Settings).NotNull().WithMessage("is required").SetValidator(new MfaSettingsModelValidator()!);
    }
}
