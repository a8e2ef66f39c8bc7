using Navixy.Panel.Application.Mfa.Models;
using Navixy.Panel.Application.Users.Models;

namespace Navixy.Panel.Api.Controllers.Replies;

/// <summary>Reply of <c>panel/user/read</c>.</summary>
/// <param name="Value">The user.</param>
/// <param name="DealerMfaSettings">The account's own MFA settings, or null when it follows the dealer default.</param>
public sealed record UserReadReply(UserDto Value, MfaSettingsDto? DealerMfaSettings) : INavixyReply;
