using FluentValidation;
using Navixy.Panel.Domain.Mfa;

namespace Navixy.Panel.Application.Mfa.Models;

public sealed class MfaTargetModelValidator : AbstractValidator<MfaTargetModel>
{
    private static readonly string[] Types = [MfaTargetModel.All, MfaTargetModel.Selected];

    public MfaTargetModelValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(t => t.Type)
            .NotEmpty().WithMessage("is required")
            .Must(t => Types.Contains(t)).When(t => !string.IsNullOrEmpty(t.Type), ApplyConditionTo.CurrentValidator).WithMessage("must be one of: all, selected");
        // Ids sent with all mean the client expected a selection: refuse rather than change every user.
        RuleFor(t => t.Ids).Null().When(t => t.Type == MfaTargetModel.All).WithMessage("must not be given when type is all");
        When(t => t.Type == MfaTargetModel.Selected, () =>
        {
            RuleFor(t => t.Ids)
                .NotNull().WithMessage("is required when type is selected")
                .Must(ids => ids is { Count: >= 1 and <= MfaTarget.MaxSelectedIds })
                .WithMessage($"must hold 1 to {MfaTarget.MaxSelectedIds} ids");
            RuleForEach(t => t.Ids).GreaterThan(0).WithMessage("must be positive");
        });
    }
}
