using Navixy.Panel.Application.UserAuth.Queries.GetUserInfo;

namespace Navixy.Panel.Api.Controllers.Replies;

/// <summary>Reply of <c>user/get_info</c>.</summary>
/// <param name="User">The session's user: id, login, names, demo, master_id.</param>
public sealed record UserInfoReply(UserInfoDto User) : INavixyReply;
