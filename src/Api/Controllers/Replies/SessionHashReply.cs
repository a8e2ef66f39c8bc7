namespace Navixy.Panel.Api.Controllers.Replies;

/// <summary>Reply of <c>user/auth/code/verify</c>.</summary>
/// <param name="Hash">The new full user session hash.</param>
public sealed record SessionHashReply(string Hash) : INavixyReply;
