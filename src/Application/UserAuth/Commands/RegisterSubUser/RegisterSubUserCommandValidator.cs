using FluentValidation;
using Navixy.Panel.Application.Common;
using Navixy.Panel.Application.Users.Models;

namespace Navixy.Panel.Application.UserAuth.Commands.RegisterSubUser;

public sealed class RegisterSubUserCommandValidator : AbstractValidator<RegisterSubUserCommand>
{
    public RegisterSubUserCommandValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.User).NotNull().WithMessage("is required");
        When(c => c.User is not null, () =>
        {
            RuleFor(c => c.User!.Login).ValidLogin();
            RuleFor(c => c.User!.FirstName).NotEmpty().WithMessage("is required").MaximumLength(UserModelValidator.NameMaxLength).WithMessage("must be at most 100 characters").SingleLineText();
            RuleFor(c => c.User!.LastName).NotEmpty().WithMessage("is required").MaximumLength(UserModelValidator.NameMaxLength).WithMessage("must be at most 100 characters").SingleLineText();
        });
        RuleFor(c => c.Password).ValidPassword();
    }
}
