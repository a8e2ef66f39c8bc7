using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Navixy.Panel.Api.Auth;
using Navixy.Panel.Api.Controllers.Replies;
using Navixy.Panel.Api.OpenApi;
using Navixy.Panel.Api.Protocol;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Application.Mfa.Commands.UpdateDefaultMfaSettings;
using Navixy.Panel.Application.Mfa.Commands.UpdateUserMfaSettings;
using Navixy.Panel.Application.Mfa.Queries.DryRunDefaultMfaSettingsUpdate;
using Navixy.Panel.Application.Mfa.Queries.DryRunUserMfaSettingsUpdate;
using Navixy.Panel.Application.Mfa.Queries.ReadDefaultMfaSettings;

namespace Navixy.Panel.Api.Controllers;

/// <summary>Users' multi-factor authentication settings: <c>panel/user/mfa/settings/*</c>.</summary>
[Route("v2/panel/user/mfa/settings")]
public sealed class UserMfaSettingsController(IMediator mediator) : NavixyController(mediator)
{
    /// <summary>
    /// Sets the MFA settings of all or selected master users of the dealer (sub-users share their account's). With
    /// <c>dry_run</c> it writes nothing and answers <c>dry_run</c>, <c>matched</c>, <c>changed</c> and <c>demo</c>.
    /// </summary>
    [NavixyAction("update")]
    [NavixyErrors(ErrorCode.NotFound)]
    [Authorize(NavixyPolicies.UsersUpdate)]
    public async Task<MfaUpdateReply> Update([FromNavixy] UpdateUserMfaSettingsRequest request, CancellationToken cancellationToken)
    {
        if (request.DryRun == true)
        {
            return DryRun(await Mediator.Send(new DryRunUserMfaSettingsUpdateQuery(PanelSession.DealerId, request.Target, request.Settings), cancellationToken));
        }

        await Mediator.Send(new UpdateUserMfaSettingsCommand(PanelSession.DealerId, request.Target, request.Settings), cancellationToken);
        return MfaUpdateReply.Done;
    }

    /// <summary>The dealer's default MFA settings as <c>value</c>, or null when none is kept.</summary>
    [NavixyAction("default/read")]
    [Authorize(NavixyPolicies.UsersRead)]
    public async Task<DefaultMfaSettingsReply> ReadDefault(CancellationToken cancellationToken)
    {
        var value = await Mediator.Send(new ReadDefaultMfaSettingsQuery(PanelSession.DealerId), cancellationToken);
        return new DefaultMfaSettingsReply(value);
    }

    /// <summary>
    /// Sets the dealer's default MFA settings, which apply to users without a setting of their own. With <c>dry_run</c>
    /// it writes nothing and answers the figures for the users that follow the default.
    /// </summary>
    [NavixyAction("default/update")]
    [Authorize(NavixyPolicies.UsersUpdate)]
    public async Task<MfaUpdateReply> UpdateDefault([FromNavixy] UpdateDefaultMfaSettingsRequest request, CancellationToken cancellationToken)
    {
        if (request.DryRun == true)
        {
            return DryRun(await Mediator.Send(new DryRunDefaultMfaSettingsUpdateQuery(PanelSession.DealerId, request.Settings), cancellationToken));
        }

        await Mediator.Send(new UpdateDefaultMfaSettingsCommand(PanelSession.DealerId, request.Settings), cancellationToken);
        return MfaUpdateReply.Done;
    }

    private static MfaUpdateReply DryRun(MfaChangeFigures figures) => new(true, figures.Matched, figures.Changed, figures.Demo);
}
