using Navixy.Panel.Api.OpenApi;
using Scalar.AspNetCore;

namespace Navixy.Panel.Api.Pages;

/// <summary>
/// <c>/docs</c>: the Scalar API reference of the OpenAPI document, its script and assets served from the package
/// itself (the machine may have no internet), no fonts, telemetry or proxy from elsewhere.
/// </summary>
public static class ApiReferencePage
{
    public const string Path = "/docs";

    /// <summary>
    /// The console's policy, except that Scalar's page starts itself with an inline script (allowed by a per-request
    /// nonce, never 'unsafe-inline') and its components set styles at run time (allowed for styles only). See docs/decisions.md.
    /// </summary>
    public static string ContentSecurityPolicy(string? nonce) =>
        $"default-src 'self'; script-src 'self'{(nonce is null ? string.Empty : $" 'nonce-{nonce}'")}; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; connect-src 'self'; font-src 'self' data:; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; " +
        "form-action 'self'; frame-ancestors 'none'";

    public static bool IsApiReference(HttpRequest request) => request.Path.StartsWithSegments(Path);

    /// <summary>The nonce Scalar put on this response's script tags, if it rendered the page.</summary>
    public static string? NonceOf(HttpContext context) =>
        context.Items.TryGetValue(ScalarOptions.NonceHttpContextItemKey, out var nonce) ? nonce as string : null;

    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapScalarApiReference(Path, options => options
            .WithTitle("Navixy.Panel API reference")
            .WithOpenApiRoutePattern(NavixyOpenApi.DocumentPath)
            .WithNonce()
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .HideClientButton());
        return endpoints;
    }
}
