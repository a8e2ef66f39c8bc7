using Navixy.Panel.Application.Common;
using Navixy.Panel.Application.Mfa.Models;

namespace Navixy.Panel.Api.Controllers;

/// <summary>Parameters of <c>panel/user/mfa/settings/update</c>.</summary>
/// <param name="Target">Whom to update: <c>{"type":"all"}</c> or <c>{"type":"selected","ids":[...]}</c>.</param>
/// <param name="Settings">The settings: <c>{"type":"allowed","factor_types":["email"]}</c> or <c>{"type":"disallowed"}</c>.</param>
/// <param name="DryRun">With true nothing is written: the reply says how many users the update would match and change.</param>
public sealed record UpdateUserMfaSettingsRequest(
    [property: RequiredParameter] MfaTargetModel? Target,
    [property: RequiredParameter] MfaSettingsModel? Settings,
    [property: NavixyExtension] bool? DryRun);
