namespace Navixy.Panel.Api.Controllers.Replies;

/// <summary>
/// The reply of <c>panel/user/mfa/settings/update</c> and <c>default/update</c> with <c>dry_run</c> (an extension):
/// how many master users the change matches, how many it would change, and how many of them are demo users.
/// </summary>
public sealed record MfaDryRunReply(bool DryRun, int Matched, int Changed, int Demo) : INavixyReply;
