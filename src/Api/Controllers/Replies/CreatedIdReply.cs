namespace Navixy.Panel.Api.Controllers.Replies;

/// <summary>Reply of the creating actions, <c>panel/user/create</c> and <c>subuser/register</c>.</summary>
/// <param name="Id">Id of the new user.</param>
public sealed record CreatedIdReply(long Id) : INavixyReply;
