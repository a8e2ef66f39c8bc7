using FluentValidation;
using Navixy.Panel.Application.Common;

namespace Navixy.Panel.Application.Users.Queries.ListUsers;

public sealed class ListUsersQueryValidator : AbstractValidator<ListUsersQuery>
{
    public ListUsersQueryValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(q => q.OrderBy).Must(o => o is null || ListUsersQuery.Orders.ContainsKey(o))
            .WithMessage($"must be one of: {string.Join(", ", ListUsersQuery.Orders.Keys)}");
        RuleFor(q => q.Offset).GreaterThanOrEqualTo(0).WithMessage("must not be negative");
        RuleFor(q => q.Limit).InclusiveBetween(0, ListUsersQuery.MaxLimit).WithMessage($"must be 0 to {ListUsersQuery.MaxLimit}");
        RuleFor(q => q.Filter).MaximumLength(254).WithMessage("must be at most 254 characters").SingleLineText();
    }
}
