using FluentValidation;
using Navixy.Panel.Application.Users.Models;

namespace Navixy.Panel.Application.UserAuth.Commands.RegisterSubUser;

public sealed class SubUserModelValidator : AbstractValidator<SubUserModel>
{
    public SubUserModelValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(u => u.Login).ValidLogin();
        RuleFor(u => u.FirstName).ValidName();
        RuleFor(u => u.LastName).ValidName();
    }
}
