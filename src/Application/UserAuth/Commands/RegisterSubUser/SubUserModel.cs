using Navixy.Panel.Application.Common;

namespace Navixy.Panel.Application.UserAuth.Commands.RegisterSubUser;

/// <summary>The <c>user</c> object of <c>subuser/register</c>.</summary>
public sealed record SubUserModel([property: RequiredParameter] string? Login, [property: RequiredParameter] string? FirstName, [property: RequiredParameter] string? LastName);
