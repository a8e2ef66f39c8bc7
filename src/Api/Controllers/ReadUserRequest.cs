using Navixy.Panel.Application.Common;

namespace Navixy.Panel.Api.Controllers;

/// <summary>Parameters of <c>panel/user/read</c>.</summary>
/// <param name="UserId">Id of a master user of the dealer.</param>
public sealed record ReadUserRequest([property: RequiredParameter] long? UserId);
