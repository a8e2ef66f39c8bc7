using Microsoft.AspNetCore.Authorization;
using Navixy.Panel.Domain.Panel;

namespace Navixy.Panel.Api.Auth;

/// <summary>Authorization policies named after Navixy permissions and session kinds.</summary>
public static class NavixyPolicies
{
    /// <summary>Any live panel session, no permission needed.</summary>
    public const string PanelSession = "panel";

    public const string UsersRead = PanelPermissions.UsersRead;
    public const string UsersUpdate = PanelPermissions.UsersUpdate;
    public const string UsersCreate = PanelPermissions.UsersCreate;
    public const string AuditRead = PanelPermissions.AuditRead;

    /// <summary>A full user-API session.</summary>
    public const string UserSession = "user";

    /// <summary>A full user-API session of a master user: sub-users get 13.</summary>
    public const string MasterUserSession = "user:master";

    /// <summary>A second-factor session, good only for <c>user/auth/code/*</c>.</summary>
    public const string SecondFactorSession = "user:second_factor";

    /// <summary>Any user-API session, full or second-factor.</summary>
    public const string AnyUserSession = "user:any";

    public static AuthorizationOptions AddNavixyPolicies(this AuthorizationOptions options)
    {
        options.AddPolicy(PanelSession, p => p.AddAuthenticationSchemes(NavixyClaims.PanelScheme).RequireAuthenticatedUser());
        foreach (var grant in PanelPermissions.Known)
        {
            options.AddPolicy(grant, p => p.AddAuthenticationSchemes(NavixyClaims.PanelScheme).RequireAuthenticatedUser().RequireClaim(NavixyClaims.Permission, grant));
        }

        options.AddPolicy(UserSession, p => p.AddAuthenticationSchemes(NavixyClaims.UserScheme).RequireAuthenticatedUser().RequireClaim(NavixyClaims.SessionKind, NavixyClaims.FullSession));
        options.AddPolicy(MasterUserSession, p => p.AddAuthenticationSchemes(NavixyClaims.UserScheme).RequireAuthenticatedUser()
            .RequireClaim(NavixyClaims.SessionKind, NavixyClaims.FullSession).RequireClaim(NavixyClaims.AccountRole, NavixyClaims.MasterUser));
        options.AddPolicy(SecondFactorSession, p => p.AddAuthenticationSchemes(NavixyClaims.UserScheme).RequireAuthenticatedUser().RequireClaim(NavixyClaims.SessionKind, NavixyClaims.SecondFactorSession));
        options.AddPolicy(AnyUserSession, p => p.AddAuthenticationSchemes(NavixyClaims.UserScheme).RequireAuthenticatedUser());
        return options;
    }
}
