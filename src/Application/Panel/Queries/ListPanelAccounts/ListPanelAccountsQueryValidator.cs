using FluentValidation;

namespace Navixy.Panel.Application.Panel.Queries.ListPanelAccounts;

public sealed class ListPanelAccountsQueryValidator : AbstractValidator<ListPanelAccountsQuery>
{
    public ListPanelAccountsQueryValidator() => RuleFor(q => q.DealerId).GreaterThan(0).WithMessage("must be positive");
}
