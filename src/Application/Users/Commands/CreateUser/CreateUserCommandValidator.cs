using FluentValidation;
using Navixy.Panel.Application.Common;
using Navixy.Panel.Application.Users.Models;

namespace Navixy.Panel.Application.Users.Commands.CreateUser;

public sealed class CreateUserCommandValidator : AbstractValidator<CreateUserCommand>
{
    public CreateUserCommandValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.User).NotNull().WithMessage("is required").SetValidator(new UserModelValidator()!);
        RuleFor(c => c.Password).ValidPassword();
        RuleFor(c => c.Locale).ValidLocale();
        RuleFor(c => c.TimeZone).ValidTimeZone();
        RuleFor(c => c.Comment).MaximumLength(255).WithMessage("must be at most 255 characters").MultiLineText();
    }
}
