namespace Navixy.Panel.Api.Controllers.Replies;

/// <summary>Reply of <c>panel/account/get_permissions</c>.</summary>
/// <param name="Permissions">The account's permissions: category to actions, e.g. <c>{"users": ["read"]}</c>.</param>
public sealed record PanelPermissionsReply(IReadOnlyDictionary<string, IReadOnlyList<string>> Permissions) : INavixyReply;
