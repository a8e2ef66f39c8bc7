using MediatR;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;

namespace Navixy.Panel.Application.Panel.Queries.ListPanelAccounts;

/// <summary>Management command <c>account list --dealer D</c>: the dealer's panel accounts, oldest first.</summary>
public sealed record ListPanelAccountsQuery(long DealerId) : IRequest<IReadOnlyList<PanelAccountListItem>>;

public sealed record PanelAccountListItem(long Id, string Login, string Permissions, bool Blocked);

public sealed class ListPanelAccountsQueryHandler(IDealerRepository dealers, IPanelAccountRepository accounts)
    : IRequestHandler<ListPanelAccountsQuery, IReadOnlyList<PanelAccountListItem>>
{
    public async Task<IReadOnlyList<PanelAccountListItem>> Handle(ListPanelAccountsQuery request, CancellationToken cancellationToken)
    {
        if (await dealers.FindAsync(request.DealerId, cancellationToken) is null)
        {
            throw new NavixyException(ErrorCode.NotFound, $"Dealer {request.DealerId} does not exist");
        }

        return (await accounts.ListByDealerAsync(request.DealerId, cancellationToken))
            .Select(a => new PanelAccountListItem(a.Id, a.Login, a.Permissions.ToStorage(), a.Blocked))
            .ToList();
    }
}
