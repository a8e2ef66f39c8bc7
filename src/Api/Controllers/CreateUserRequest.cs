using Navixy.Panel.Application.Common;
using Navixy.Panel.Application.Users.Models;

namespace Navixy.Panel.Api.Controllers;

/// <summary>Parameters of <c>panel/user/create</c>.</summary>
/// <param name="User">The new user: login (email), names, legal type, address; optional demo and dealer_mfa_settings.</param>
/// <param name="Password">8 to 64 printable characters.</param>
/// <param name="Locale">E.g. <c>en_US</c>.</param>
/// <param name="TimeZone">An IANA time zone, e.g. <c>Europe/London</c>.</param>
/// <param name="Comment">Optional, at most 255 characters.</param>
public sealed record CreateUserRequest(
    [property: RequiredParameter] UserModel? User,
    [property: RequiredParameter] string? Password,
    [property: RequiredParameter] string? Locale,
    [property: RequiredParameter] string? TimeZone,
    string? Comment);
