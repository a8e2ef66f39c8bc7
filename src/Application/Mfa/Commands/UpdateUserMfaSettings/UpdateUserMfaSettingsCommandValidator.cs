using FluentValidation;
using Navixy.Panel.Application.Mfa.Models;

namespace Navixy.Panel.Application.Mfa.Commands.UpdateUserMfaSettings;

public sealed class UpdateUserMfaSettingsCommandValidator : AbstractValidator<UpdateUserMfaSettingsCommand>
{
    public UpdateUserMfaSettingsCommandValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.Target).NotNull().WithMessage("is required").SetValidator(new MfaTargetModelValidator()!);
        RuleFor(c => c.Settings).NotNull().WithMessage("is required").SetValidator(new MfaSettingsModelValidator()!);
    }
}
