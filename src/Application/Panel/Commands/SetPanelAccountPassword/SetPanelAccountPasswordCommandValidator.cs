using FluentValidation;
using Navixy.Panel.Application.Common;

namespace Navixy.Panel.Application.Panel.Commands.SetPanelAccountPassword;

public sealed class SetPanelAccountPasswordCommandValidator : AbstractValidator<SetPanelAccountPasswordCommand>
{
    public SetPanelAccountPasswordCommandValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.Login).NotEmpty().SingleLineText();
        RuleFor(c => c.Password).NotEmpty().Length(8, 64);
    }
}
