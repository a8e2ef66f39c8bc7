namespace Navixy.Panel.Api.Controllers;

/// <summary>Parameters of <c>panel/user/list</c>.</summary>
/// <param name="Filter">Substring matched against id, login, names and phone.</param>
/// <param name="OrderBy"><c>id</c> (default), <c>login</c> or <c>last_name</c>.</param>
/// <param name="Ascending">Default true.</param>
/// <param name="Offset">Default 0.</param>
/// <param name="Limit">Default 100, at most 1000.</param>
public sealed record ListUsersRequest(string? Filter, string? OrderBy, bool? Ascending, int? Offset, int? Limit);
