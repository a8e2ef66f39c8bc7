using FluentValidation;

namespace Navixy.Panel.Application.UserAuth.Commands.VerifyAuthCode;

public sealed class VerifyAuthCodeCommandValidator : AbstractValidator<VerifyAuthCodeCommand>
{
    public VerifyAuthCodeCommandValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.Code).NotEmpty().WithMessage("is required").MaximumLength(16).WithMessage("must be at most 16 characters");
    }
}
