using FluentValidation;
using Navixy.Panel.Application.Common;

namespace Navixy.Panel.Application.Panel.Commands.CreateDealer;

public sealed class CreateDealerCommandValidator : AbstractValidator<CreateDealerCommand>
{
    public CreateDealerCommandValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200).SingleLineText();
    }
}
