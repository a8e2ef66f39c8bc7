using FluentValidation;
using Navixy.Panel.Application.Common;

namespace Navixy.Panel.Application.Panel.Commands.CreateDealer;

public sealed class CreateDealerCommandValidator : AbstractValidator<CreateDealerCommand>
{
    public CreateDealerCommandValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.Name).NotEmpty().WithMessage("is required").MaximumLength(200).WithMessage("must be at most 200 characters").SingleLineText();
    }
}
