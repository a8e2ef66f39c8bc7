using Navixy.Panel.Application.Common;

namespace Navixy.Panel.Api.Controllers;

/// <summary>Parameters of <c>user/auth</c>.</summary>
/// <param name="Login">The user's login (email).</param>
/// <param name="Password">The user's password.</param>
public sealed record UserAuthRequest([property: RequiredParameter] string? Login, [property: RequiredParameter] string? Password);
