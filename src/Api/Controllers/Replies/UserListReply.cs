using Navixy.Panel.Application.Users.Models;

namespace Navixy.Panel.Api.Controllers.Replies;

/// <summary>Reply of <c>panel/user/list</c>.</summary>
/// <param name="List">The page of master users.</param>
/// <param name="Count">How many users match, before paging.</param>
public sealed record UserListReply(IReadOnlyList<UserDto> List, int Count) : INavixyReply;
