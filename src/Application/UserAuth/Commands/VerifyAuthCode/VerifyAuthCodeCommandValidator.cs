using FluentValidation;

namespace Navixy.Panel.Application.UserAuth.Commands.VerifyAuthCode;

public sealed class VerifyAuthCodeCommandValidator : AbstractValidator<VerifyAuthCodeCommand>
{
    public VerifyAuthCodeCommandValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        // Only a code that could have been sent is a guess: a typo of the wrong length costs none of the 5 tries.
        RuleFor(c => c.Code).NotEmpty().WithMessage("is required").Matches(@"^[0-9]{6}\z").WithMessage("must be 6 digits");
    }
}
