using MediatR;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;

namespace Navixy.Panel.Application.UserAuth.Queries.GetUserInfo;

/// <summary><c>user/get_info</c>: the session's user.</summary>
public sealed record GetUserInfoQuery(long UserId) : IRequest<UserInfoDto>;

/// <summary>The user as <c>user/get_info</c> shows it; <c>master_id</c> is null for a master user.</summary>
public sealed record UserInfoDto(long Id, string Login, string FirstName, string MiddleName, string LastName, bool Demo, long? MasterId);

public sealed class GetUserInfoQueryHandler(IUserRepository users) : IRequestHandler<GetUserInfoQuery, UserInfoDto>
{
    public async Task<UserInfoDto> Handle(GetUserInfoQuery request, CancellationToken cancellationToken)
    {
        var user = await users.FindAsync(request.UserId, cancellationToken) ?? throw new NavixyException(ErrorCode.SessionNotFound);
        return new UserInfoDto(user.Id, user.Login, user.FirstName, user.MiddleName, user.LastName, user.Demo, user.MasterId);
    }
}
