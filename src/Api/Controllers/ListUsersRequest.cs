using Navixy.Panel.Application.Common;

namespace Navixy.Panel.Api.Controllers;

/// <summary>Parameters of <c>panel/user/list</c>.</summary>
/// <param name="Filter">Substring matched against id, login, names and phone.</param>
/// <param name="MfaAllowed">Only users whose sign-in asks for a code (true) or does not (false; demo users are exempt, so false).</param>
/// <param name="OrderBy"><c>id</c> (default), <c>login</c>, <c>last_name</c> or <c>mfa_allowed</c>.</param>
/// <param name="Ascending">Default true.</param>
/// <param name="Offset">Default 0.</param>
/// <param name="Limit">Default 100, at most 1000.</param>
public sealed record ListUsersRequest(
    string? Filter, [property: NavixyExtension] bool? MfaAllowed, string? OrderBy, bool? Ascending, int? Offset, int? Limit);
