using FluentValidation;

namespace Navixy.Panel.Application.Users.Queries.ReadUser;

public sealed class ReadUserQueryValidator : AbstractValidator<ReadUserQuery>
{
    public ReadUserQueryValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(q => q.UserId).NotNull().WithMessage("is required").GreaterThan(0).WithMessage("must be positive");
    }
}
