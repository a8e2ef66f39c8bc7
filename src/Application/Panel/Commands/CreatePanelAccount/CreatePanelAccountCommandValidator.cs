using FluentValidation;
using Navixy.Panel.Application.Common;
using Navixy.Panel.Domain.Panel;

namespace Navixy.Panel.Application.Panel.Commands.CreatePanelAccount;

public sealed class CreatePanelAccountCommandValidator : AbstractValidator<CreatePanelAccountCommand>
{
    public CreatePanelAccountCommandValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.DealerId).GreaterThan(0);
        RuleFor(c => c.Login).NotEmpty().MaximumLength(254).Matches(@"^\S+$").WithMessage("must not contain spaces").SingleLineText();
        RuleFor(c => c.Password).NotEmpty().Length(8, 64);
        RuleFor(c => c.Permissions)
            .Must(p => PanelPermissions.TryParse(p, out _, out _))
            .WithMessage($"must be a comma-separated list of: {string.Join(", ", PanelPermissions.Known)}");
    }
}
