namespace Navixy.Panel.Api.Controllers.Replies;

/// <summary>Reply of <c>panel/account/auth</c>.</summary>
/// <param name="Hash">The panel session hash, valid 24 hours: send it as <c>Authorization: NVX &lt;hash&gt;</c>.</param>
/// <param name="Permissions">The account's permissions: category to actions, e.g. <c>{"users": ["read"]}</c>.</param>
public sealed record PanelAuthReply(string Hash, IReadOnlyDictionary<string, IReadOnlyList<string>> Permissions) : INavixyReply;
