using FluentValidation;

namespace Navixy.Panel.Application.Panel.Commands.SetDealerBlocked;

public sealed class SetDealerBlockedCommandValidator : AbstractValidator<SetDealerBlockedCommand>
{
    public SetDealerBlockedCommandValidator() => RuleFor(c => c.DealerId).GreaterThan(0).WithMessage("must be positive");
}
