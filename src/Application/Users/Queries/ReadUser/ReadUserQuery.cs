using AutoMapper;
using MediatR;
using Navixy.Panel.Application.Common.Caching;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Application.Mfa.Models;
using Navixy.Panel.Application.Users.Models;

namespace Navixy.Panel.Application.Users.Queries.ReadUser;

/// <summary><c>panel/user/read</c>: a master user of the dealer; 201 for a missing user, a sub-user or another dealer's user.</summary>
public sealed record ReadUserQuery(long DealerId, long? UserId) : IRequest<ReadUserResult>, IDealerScoped;

/// <param name="Value">The user, with its effective <c>mfa_allowed</c>.</param>
/// <param name="DealerMfaSettings">The account's own settings, or null when it follows the dealer default.</param>
public sealed record ReadUserResult(UserDto Value, MfaSettingsDto? DealerMfaSettings);

public sealed class ReadUserQueryHandler(IUserRepository users, IMapper mapper, DealerReadCache cache)
    : IRequestHandler<ReadUserQuery, ReadUserResult>
{
    public Task<ReadUserResult> Handle(ReadUserQuery request, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync(request.DealerId, request.UserId!.Value, ct => LoadAsync(request.DealerId, request.UserId.Value, ct), cancellationToken);

    private async Task<ReadUserResult> LoadAsync(long dealerId, long userId, CancellationToken cancellationToken)
    {
        var found = await users.FindMasterWithMfaAsync(dealerId, userId, cancellationToken)
            ?? throw new NavixyException(ErrorCode.NotFound);
        var value = mapper.Map<UserDto>(found.User).WithMfa(found.User.Demo, found.AccountMfa, found.DealerDefault);
        return new ReadUserResult(value, MfaSettingsDto.From(found.AccountMfa));
    }
}
