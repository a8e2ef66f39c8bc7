using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Controllers;
using Navixy.Panel.Api.Auth;
using Navixy.Panel.Api.Protocol;
using Navixy.Panel.Application.Common.Exceptions;

namespace Navixy.Panel.Api.OpenApi;

/// <summary>
/// The error codes an action can answer: those of every request, those its session and permission imply, those of
/// its parameters, and the ones it declares with <see cref="NavixyErrorsAttribute"/>.
/// </summary>
public static class NavixyErrorCatalogue
{
    /// <summary>What any request can meet: the protocol (5, 9), the rate limit (15) and the database (1, 6, 14).</summary>
    private static readonly ErrorCode[] EveryAction =
    [
        ErrorCode.DatabaseError, ErrorCode.WrongRequestFormat, ErrorCode.UnexpectedError, ErrorCode.TooLargeRequest,
        ErrorCode.DatabaseUnavailable, ErrorCode.TooManyRequests,
    ];

    /// <summary>Any session: missing or malformed hash, dead hash, blocked dealer.</summary>
    private static readonly ErrorCode[] AnySession = [ErrorCode.WrongHash, ErrorCode.SessionNotFound, ErrorCode.AccessDenied];

    public static IReadOnlyList<ErrorCode> Of(ControllerActionDescriptor action)
    {
        var codes = new SortedSet<ErrorCode>(EveryAction);
        var policy = action.EndpointMetadata.OfType<IAuthorizeData>().Select(a => a.Policy).LastOrDefault();
        var anonymous = action.EndpointMetadata.OfType<IAllowAnonymous>().Any();
        if (policy is not null && !anonymous)
        {
            codes.UnionWith(AnySession);
            codes.UnionWith(policy switch
            {
                NavixyPolicies.PanelSession or NavixyPolicies.AnyUserSession => [],
                NavixyPolicies.UserSession or NavixyPolicies.SecondFactorSession => [ErrorCode.ForbiddenForSessionType],
                NavixyPolicies.MasterUserSession => [ErrorCode.ForbiddenForSessionType, ErrorCode.OperationNotPermitted],
                _ => [ErrorCode.OperationNotPermitted],
            });
        }

        if (action.Parameters.Any(p => p.BindingInfo?.BinderType is not null || p.ParameterType == typeof(IFormFile)))
        {
            codes.Add(ErrorCode.InvalidParameters);
        }

        foreach (var declared in action.EndpointMetadata.OfType<NavixyErrorsAttribute>())
        {
            codes.UnionWith(declared.Codes);
        }

        return [.. codes];
    }

    /// <summary>The codes grouped by the HTTP status they are answered with.</summary>
    public static IEnumerable<IGrouping<int, ErrorCode>> ByHttpStatus(IEnumerable<ErrorCode> codes) =>
        codes.GroupBy(NavixyEnvelope.HttpStatusOf).OrderBy(g => g.Key);
}
