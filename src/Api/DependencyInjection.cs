using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Navixy.Panel.Api.Auth;
using Navixy.Panel.Api.Health;
using Navixy.Panel.Api.Logging;
using Navixy.Panel.Api.OpenApi;
using Navixy.Panel.Api.Protocol;
using Navixy.Panel.Application.Common.Configuration;
using Navixy.Panel.Application.Common.Interfaces;

namespace Navixy.Panel.Api;

public static class DependencyInjection
{
    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.AddSettings<ProtocolOptions, ProtocolOptions.Validator>(ProtocolOptions.Section);
        services.AddNavixyRateLimit();
        services.AddTrustedProxies();
        services.AddControllers(options => options.Filters.Add<NavixyReplyFilter>())
            .ConfigureApiBehaviorOptions(options =>
            {
                // Parameters are bound and validated by the Navixy binder and the validation behaviour, never by
                // MVC's model state, so no ProblemDetails can ever be produced.
                options.SuppressModelStateInvalidFilter = true;
                options.SuppressMapClientErrors = true;
                options.SuppressConsumesConstraintForFormFileParameters = true;
            });
        services.Configure<MvcOptions>(options => options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true);

        services.AddExceptionHandler<NavixyExceptionHandler>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, PanelAuthenticationHandler>(NavixyClaims.PanelScheme, null)
            .AddScheme<AuthenticationSchemeOptions, UserAuthenticationHandler>(NavixyClaims.UserScheme, null);
        services.AddAuthorization(options => options.AddNavixyPolicies());
        services.AddHttpContextAccessor();
        services.Replace(ServiceDescriptor.Singleton<IRequestOrigin, HttpRequestOrigin>());
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, NavixyAuthorizationResultHandler>();
        services.AddNavixyOpenApi();
        services.AddNavixyHealthChecks();

        // Navixy clients may send passwords, session hashes and codes in the query string, and the action arguments
        // carry them too: the two framework categories that print URLs (at Information) and arguments (at Trace) are
        // floored above those levels whatever the configuration says; a stricter configured level still applies.
        services.AddSingleton<IPostConfigureOptions<LoggerFilterOptions>>(new LogLevelFloor("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning));
        services.AddSingleton<IPostConfigureOptions<LoggerFilterOptions>>(new LogLevelFloor("Microsoft.AspNetCore.Mvc.Infrastructure.ControllerActionInvoker", LogLevel.Debug));
        return services;
    }
}
