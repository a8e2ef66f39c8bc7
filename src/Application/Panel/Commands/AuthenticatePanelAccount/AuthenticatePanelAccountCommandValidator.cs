using FluentValidation;
using Navixy.Panel.Application.Common;

namespace Navixy.Panel.Application.Panel.Commands.AuthenticatePanelAccount;

public sealed class AuthenticatePanelAccountCommandValidator : AbstractValidator<AuthenticatePanelAccountCommand>
{
    public AuthenticatePanelAccountCommandValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.Login).NotEmpty().MaximumLength(254).SingleLineText();
        RuleFor(c => c.Password).NotEmpty().MaximumLength(256);
    }
}
