using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Navixy.Panel.Api.Protocol;
using Navixy.Panel.Application.Common.Exceptions;

namespace Navixy.Panel.Api.Auth;

/// <summary>
/// Answers refused requests in the Navixy envelope: 3 or 4 when the hash is missing or dead, 276 when the
/// session is of the wrong kind, 13 when a permission is missing.
/// </summary>
public sealed class NavixyAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            return NavixyEnvelope.WriteErrorAsync(context, AuthFailure.Get(context));
        }

        if (authorizeResult.Forbidden)
        {
            var wrongKind = authorizeResult.AuthorizationFailure?.FailedRequirements
                .OfType<ClaimsAuthorizationRequirement>()
                .Any(r => r.ClaimType == NavixyClaims.SessionKind) == true;
            return NavixyEnvelope.WriteErrorAsync(context, wrongKind ? ErrorCode.ForbiddenForSessionType : ErrorCode.OperationNotPermitted);
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
