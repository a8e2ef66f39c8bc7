using MediatR;
using Navixy.Panel.Application.Common.Interfaces;

namespace Navixy.Panel.Application.Panel.Queries.ListDealers;

/// <summary>Management command <c>dealer list</c>: every dealer, oldest first.</summary>
public sealed record ListDealersQuery : IRequest<IReadOnlyList<DealerListItem>>;

public sealed record DealerListItem(long Id, string Name, bool Blocked);

public sealed class ListDealersQueryHandler(IDealerRepository dealers) : IRequestHandler<ListDealersQuery, IReadOnlyList<DealerListItem>>
{
    public async Task<IReadOnlyList<DealerListItem>> Handle(ListDealersQuery request, CancellationToken cancellationToken) =>
        (await dealers.ListAsync(cancellationToken)).Select(d => new DealerListItem(d.Id, d.Name, d.Blocked)).ToList();
}
