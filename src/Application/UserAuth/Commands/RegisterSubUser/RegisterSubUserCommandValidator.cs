using FluentValidation;
using Navixy.Panel.Application.Users.Models;

namespace Navixy.Panel.Application.UserAuth.Commands.RegisterSubUser;

public sealed class RegisterSubUserCommandValidator : AbstractValidator<RegisterSubUserCommand>
{
    public RegisterSubUserCommandValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.User).NotNull().WithMessage("is required").SetValidator(new SubUserModelValidator()!);
        RuleFor(c => c.Password).ValidPassword();
    }
}
