using FluentValidation;

namespace Navixy.Panel.Application.Panel.Commands.SetPanelAccountPassword;

public sealed class SetPanelAccountPasswordCommandValidator : AbstractValidator<SetPanelAccountPasswordCommand>
{
    public SetPanelAccountPasswordCommandValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.Login).NotEmpty();
        RuleFor(c => c.Password).NotEmpty().Length(8, 64);
    }
}
