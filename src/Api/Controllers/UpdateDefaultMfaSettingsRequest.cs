using Navixy.Panel.Application.Common;
using Navixy.Panel.Application.Mfa.Models;

namespace Navixy.Panel.Api.Controllers;

/// <summary>Parameters of <c>panel/user/mfa/settings/default/update</c>.</summary>
/// <param name="Settings">The dealer default for users without a setting of their own.</param>
/// <param name="DryRun">With true nothing is written: the reply says how many users follow the default and would change.</param>
public sealed record UpdateDefaultMfaSettingsRequest([property: RequiredParameter] MfaSettingsModel? Settings, [property: NavixyExtension] bool? DryRun);
