using FluentValidation;
using Navixy.Panel.Application.Common;
using Navixy.Panel.Domain.Panel;

namespace Navixy.Panel.Application.Panel.Commands.CreatePanelAccount;

public sealed class CreatePanelAccountCommandValidator : AbstractValidator<CreatePanelAccountCommand>
{
    public CreatePanelAccountCommandValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.DealerId).GreaterThan(0).WithMessage("must be positive");
        RuleFor(c => c.Login).NotEmpty().WithMessage("is required").MaximumLength(254).WithMessage("must be at most 254 characters").Matches(@"^\S+\z").WithMessage("must not contain spaces").SingleLineText();
        RuleFor(c => c.Password).NotEmpty().WithMessage("is required").Length(8, 64).WithMessage("must be 8 to 64 characters");
        RuleFor(c => c.Permissions)
            .Must(p => PanelPermissions.TryParse(p, out _, out _))
            .WithMessage($"must be a comma-separated list of: {string.Join(", ", PanelPermissions.Known)}");
    }
}
