using FluentValidation;
using Navixy.Panel.Application.Common;

namespace Navixy.Panel.Application.Panel.Commands.SetPanelAccountPassword;

public sealed class SetPanelAccountPasswordCommandValidator : AbstractValidator<SetPanelAccountPasswordCommand>
{
    public SetPanelAccountPasswordCommandValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.Login).NotEmpty().WithMessage("is required").SingleLineText();
        RuleFor(c => c.Password).NotEmpty().WithMessage("is required").Length(8, 64).WithMessage("must be 8 to 64 characters");
    }
}
