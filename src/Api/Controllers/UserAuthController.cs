using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Navixy.Panel.Api.Auth;
using Navixy.Panel.Api.Controllers.Replies;
using Navixy.Panel.Api.OpenApi;
using Navixy.Panel.Api.Protocol;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.UserAuth.Commands.AuthenticateUser;
using Navixy.Panel.Application.UserAuth.Commands.LogoutUser;
using Navixy.Panel.Application.UserAuth.Commands.RegisterSubUser;
using Navixy.Panel.Application.UserAuth.Commands.ResendAuthCode;
using Navixy.Panel.Application.UserAuth.Commands.VerifyAuthCode;
using Navixy.Panel.Application.UserAuth.Queries.AuthenticateUserSession;
using Navixy.Panel.Application.UserAuth.Queries.GetUserInfo;

namespace Navixy.Panel.Api.Controllers;

/// <summary>End-user login with an emailed one-time code: <c>user/*</c> and <c>subuser/register</c>.</summary>
[Route("v2")]
public sealed class UserAuthController(IMediator mediator) : NavixyController(mediator)
{
    private UserSessionContext UserSession => UserAuthenticationHandler.SessionOf(HttpContext);

    /// <summary>
    /// Logs a user in: <c>type</c> <c>authenticated</c> with a full session <c>hash</c>, or <c>second_factor_required</c>
    /// with <c>factor_type</c> <c>email</c> and a hash good only for <c>user/auth/code/*</c>.
    /// </summary>
    [NavixyAction("user/auth")]
    [NavixyErrors(ErrorCode.WrongLoginOrPassword, ErrorCode.UserNotActivated, ErrorCode.LoginAttemptsExceeded, ErrorCode.EmailSendFailed, ErrorCode.AccessDenied)]
    [AllowAnonymous]
    public async Task<UserAuthReply> Auth([FromNavixy] UserAuthRequest request, CancellationToken cancellationToken)
    {
        var result = await Mediator.Send(new AuthenticateUserCommand(request.Login, request.Password), cancellationToken);
        return new UserAuthReply(result.Type, result.FactorType, result.Hash);
    }

    /// <summary>
    /// Trades the emailed code for a new full session <c>hash</c>; 282 on a wrong, expired or used code, 105 while the
    /// user's wrong codes are at their limit.
    /// </summary>
    [NavixyAction("user/auth/code/verify")]
    [NavixyErrors(ErrorCode.WrongAuthenticationCode, ErrorCode.LoginAttemptsExceeded)]
    [Authorize(NavixyPolicies.SecondFactorSession)]
    public async Task<SessionHashReply> VerifyCode([FromNavixy] VerifyCodeRequest request, CancellationToken cancellationToken)
    {
        var hash = await Mediator.Send(new VerifyAuthCodeCommand(UserSession.SessionId, request.Code), cancellationToken);
        return new SessionHashReply(hash);
    }

    /// <summary>Emails a new code (the old one is void); once a minute (else 15), at most five per login attempt.</summary>
    [NavixyAction("user/auth/code/resend")]
    [NavixyErrors(ErrorCode.EmailSendFailed)]
    [Authorize(NavixyPolicies.SecondFactorSession)]
    public async Task<SuccessReply> ResendCode(CancellationToken cancellationToken)
    {
        await Mediator.Send(new ResendAuthCodeCommand(UserSession.SessionId), cancellationToken);
        return SuccessReply.Instance;
    }

    /// <summary>The session's <c>user</c>: id, login, names, demo, master_id.</summary>
    [NavixyAction("user/get_info")]
    [Authorize(NavixyPolicies.UserSession)]
    public async Task<UserInfoReply> GetInfo(CancellationToken cancellationToken)
    {
        var user = await Mediator.Send(new GetUserInfoQuery(UserSession.UserId), cancellationToken);
        return new UserInfoReply(user);
    }

    /// <summary>Ends the presented session, full or second-factor.</summary>
    [NavixyAction("user/logout")]
    [Authorize(NavixyPolicies.AnyUserSession)]
    public async Task<SuccessReply> Logout(CancellationToken cancellationToken)
    {
        await Mediator.Send(new LogoutUserCommand(UserSession.SessionId), cancellationToken);
        return SuccessReply.Instance;
    }

    /// <summary>Adds a sub-user to the session's account (master users only); returns its <c>id</c>.</summary>
    [NavixyAction("subuser/register")]
    [NavixyErrors(ErrorCode.LoginInUse)]
    [Authorize(NavixyPolicies.MasterUserSession)]
    public async Task<CreatedIdReply> RegisterSubUser([FromNavixy] RegisterSubUserRequest request, CancellationToken cancellationToken)
    {
        var id = await Mediator.Send(new RegisterSubUserCommand(UserSession.UserId, request.User, request.Password), cancellationToken);
        return new CreatedIdReply(id);
    }
}
