using System.Buffers.Text;
using System.Security.Cryptography;
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
    /// The two style sheets Scalar 2.19's bundle inserts without the page's nonce: its toasts' (Sonner) and its theme's.
    /// After an upgrade the browser test names any sheet refused, with the hash the browser computed.
    /// </summary>
    private const string ScalarSheetHashes = "'sha256-l/2OpPg0d+2VLTLgwjf5mQo2CYwHDEqdj5TjbfEyVJI=' 'sha256-T13Uev3xCax2N28XaoAE8DOzQZKvPp7ZQVAi1iRREjo='";

    /// <summary>
    /// The console's policy, except that Scalar's page starts itself with an inline script and inserts style sheets
    /// (allowed by a per-request nonce or their hashes, never 'unsafe-inline'), and its components write style
    /// attributes (allowed for attributes only). See docs/decisions.md.
    /// </summary>
    public static string ContentSecurityPolicy(string? nonce)
    {
        var nonced = nonce is null ? string.Empty : $" 'nonce-{nonce}'";
        return $"default-src 'self'; script-src 'self'{nonced}; style-src 'self'{nonced} {ScalarSheetHashes}; style-src-attr 'unsafe-inline'; " +
        "img-src 'self' data:; connect-src 'self'; font-src 'self' data:; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; " +
        "form-action 'self'; frame-ancestors 'none'";
    }

    public static bool IsApiReference(HttpRequest request) => request.Path.StartsWithSegments(Path);

    /// <summary>The nonce this response's page carries on its scripts and style sheets, if the page was rendered.</summary>
    public static string? NonceOf(HttpContext context) =>
        context.Items.TryGetValue(ScalarOptions.NonceHttpContextItemKey, out var nonce) ? nonce as string : null;

    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapScalarApiReference(Path, (options, context) => WithPageNonce(options, context)
            .WithTitle("Navixy.Panel API reference")
            .WithOpenApiRoutePattern(NavixyOpenApi.DocumentPath)
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .HideClientButton());
        return endpoints;
    }

    /// <summary>
    /// One fresh nonce per page, on Scalar's script tags and in the <c>csp-nonce</c> meta element its bundle reads for
    /// the main style sheet it inserts (Scalar's own nonce option stamps the scripts only).
    /// </summary>
    private static ScalarOptions WithPageNonce(ScalarOptions options, HttpContext context)
    {
        var nonce = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        context.Items[ScalarOptions.NonceHttpContextItemKey] = nonce;
        options.HeadContent = $"<meta property=\"csp-nonce\" content=\"{nonce}\" />";
        return options.WithNonce(nonce);
    }
}
