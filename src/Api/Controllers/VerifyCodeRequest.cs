using Navixy.Panel.Application.Common;

namespace Navixy.Panel.Api.Controllers;

/// <summary>Parameters of <c>user/auth/code/verify</c>.</summary>
/// <param name="Code">The 6-digit code from the email, as a string.</param>
public sealed record VerifyCodeRequest([property: RequiredParameter] string? Code);
