using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Navixy.Panel.Api.Auth;
using Navixy.Panel.Api.Controllers.Replies;
using Navixy.Panel.Api.OpenApi;
using Navixy.Panel.Api.Protocol;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Mfa.Commands.UpdateDefaultMfaSettings;
using Navixy.Panel.Application.Mfa.Commands.UpdateUserMfaSettings;
using Navixy.Panel.Application.Mfa.Queries.ReadDefaultMfaSettings;

namespace Navixy.Panel.Api.Controllers;

/// <summary>Users' multi-factor authentication settings: <c>panel/user/mfa/settings/*</c>.</summary>
[Route("v2/panel/user/mfa/settings")]
public sealed class UserMfaSettingsController(IMediator mediator) : NavixyController(mediator)
{
    /// <summary>Sets the MFA settings of all or selected master users of the dealer (sub-users share their account's).</summary>
    [NavixyAction("update")]
    [NavixyErrors(ErrorCode.NotFound)]
    [Authorize(NavixyPolicies.UsersUpdate)]
    public async Task<SuccessReply> Update([FromNavixy] UpdateUserMfaSettingsRequest request, CancellationToken cancellationToken)
    {
        await Mediator.Send(new UpdateUserMfaSettingsCommand(PanelSession.DealerId, request.Target, request.Settings), cancellationToken);
        return SuccessReply.Instance;
    }

    /// <summary>The dealer's default MFA settings as <c>value</c>, or null when none is kept.</summary>
    [NavixyAction("default/read")]
    [Authorize(NavixyPolicies.UsersRead)]
    public async Task<DefaultMfaSettingsReply> ReadDefault(CancellationToken cancellationToken)
    {
        var value = await Mediator.Send(new ReadDefaultMfaSettingsQuery(PanelSession.DealerId), cancellationToken);
        return new DefaultMfaSettingsReply(value);
    }

    /// <summary>Sets the dealer's default MFA settings, which apply to users without a setting of their own.</summary>
    [NavixyAction("default/update")]
    [Authorize(NavixyPolicies.UsersUpdate)]
    public async Task<SuccessReply> UpdateDefault([FromNavixy] UpdateDefaultMfaSettingsRequest request, CancellationToken cancellationToken)
    {
        await Mediator.Send(new UpdateDefaultMfaSettingsCommand(PanelSession.DealerId, request.Settings), cancellationToken);
        return SuccessReply.Instance;
    }
}
