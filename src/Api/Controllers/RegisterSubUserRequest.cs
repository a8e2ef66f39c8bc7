using Navixy.Panel.Application.Common;
using Navixy.Panel.Application.UserAuth.Commands.RegisterSubUser;

namespace Navixy.Panel.Api.Controllers;

/// <summary>Parameters of <c>subuser/register</c>.</summary>
/// <param name="User">The sub-user: login (email), first_name, last_name.</param>
/// <param name="Password">8 to 64 printable characters.</param>
public sealed record RegisterSubUserRequest([property: RequiredParameter] SubUserModel? User, [property: RequiredParameter] string? Password);
