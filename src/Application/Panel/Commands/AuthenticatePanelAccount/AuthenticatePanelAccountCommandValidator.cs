using FluentValidation;
using Navixy.Panel.Application.Common;

namespace Navixy.Panel.Application.Panel.Commands.AuthenticatePanelAccount;

public sealed class AuthenticatePanelAccountCommandValidator : AbstractValidator<AuthenticatePanelAccountCommand>
{
    public AuthenticatePanelAccountCommandValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.Login).NotEmpty().WithMessage("is required").MaximumLength(254).WithMessage("must be at most 254 characters").SingleLineText();
        RuleFor(c => c.Password).NotEmpty().WithMessage("is required").MaximumLength(256).WithMessage("must be at most 256 characters");
    }
}
