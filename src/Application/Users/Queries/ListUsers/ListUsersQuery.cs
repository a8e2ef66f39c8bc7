using AutoMapper;
using MediatR;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Application.Users.Models;

namespace Navixy.Panel.Application.Users.Queries.ListUsers;

/// <summary><c>panel/user/list</c>: a page of the dealer's master users and the total before paging.</summary>
/// <param name="MfaAllowed">Only users whose sign-in asks for a code (true) or does not (false: demo users included).</param>
public sealed record ListUsersQuery(long DealerId, string? Filter, bool? MfaAllowed, string? OrderBy, bool? Ascending, int? Offset, int? Limit)
    : IRequest<ListUsersResult>, IDealerScoped
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static readonly IReadOnlyDictionary<string, UserOrder> Orders = new Dictionary<string, UserOrder>
    {
        ["id"] = UserOrder.Id,
        ["login"] = UserOrder.Login,
        ["last_name"] = UserOrder.LastName,
        ["mfa_allowed"] = UserOrder.MfaAllowed,
    };
}

public sealed record ListUsersResult(IReadOnlyList<UserDto> List, int Count);

public sealed class ListUsersQueryHandler(IUserRepository users, IDealerRepository dealers, IMapper mapper)
    : IRequestHandler<ListUsersQuery, ListUsersResult>
{
    public async Task<ListUsersResult> Handle(ListUsersQuery request, CancellationToken cancellationToken)
    {
        var order = request.OrderBy is null ? UserOrder.Id : ListUsersQuery.Orders[request.OrderBy];
        // The filter and order by mfa_allowed need the default before the query; otherwise only a non-empty page does.
        var needsDefault = request.MfaAllowed is not null || order == UserOrder.MfaAllowed;
        var dealerDefault = needsDefault ? await dealers.GetDefaultMfaAsync(request.DealerId, cancellationToken) : null;
        var page = await users.ListMastersAsync(
            request.DealerId,
            request.Filter,
            request.MfaAllowed,
            dealerDefault,
            order,
            request.Ascending ?? true,
            request.Offset ?? 0,
            request.Limit ?? ListUsersQuery.DefaultLimit,
            cancellationToken);
        if (!needsDefault && page.Users.Count > 0)
        {
            dealerDefault = await dealers.GetDefaultMfaAsync(request.DealerId, cancellationToken);
        }

        var list = page.Users.Select(u => mapper.Map<UserDto>(u).WithMfa(u.Demo, u.OwnMfaSettings, dealerDefault)).ToArray();
        return new ListUsersResult(list, page.Count);
    }
}
