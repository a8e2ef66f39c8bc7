using Navixy.Panel.Application.Common;

namespace Navixy.Panel.Api.Controllers;

/// <summary>Parameters of <c>panel/account/auth</c>.</summary>
/// <param name="Login">Panel account login.</param>
/// <param name="Password">Panel account password.</param>
public sealed record PanelAuthRequest([property: RequiredParameter] string? Login, [property: RequiredParameter] string? Password);
