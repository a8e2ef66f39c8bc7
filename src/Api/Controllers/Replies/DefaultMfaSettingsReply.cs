using Navixy.Panel.Application.Mfa.Models;

namespace Navixy.Panel.Api.Controllers.Replies;

/// <summary>Reply of <c>panel/user/mfa/settings/default/read</c>.</summary>
/// <param name="Value">The dealer default, or null when none is kept.</param>
public sealed record DefaultMfaSettingsReply(MfaSettingsDto? Value) : INavixyReply;
