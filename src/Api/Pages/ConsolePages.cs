using Microsoft.AspNetCore.Rewrite;
using Microsoft.Net.Http.Headers;
using Navixy.Panel.Api.Protocol;

namespace Navixy.Panel.Api.Pages;

/// <summary>
/// The admin console (<c>/</c>) and the end-user sign-in page (<c>/sign-in</c>): static files from wwwroot with
/// ETag revalidation, strict security headers, and no Navixy envelope outside <c>/v2</c> for an unknown path.
/// </summary>
public static class ConsolePages
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The web root beside the executable, so the pages are found whatever the working directory.</summary>
    public static string WebRoot => Path.Combine(AppContext.BaseDirectory, "wwwroot");

    /// <summary>A request outside the API: its framework answers (404, 405) stay plain, without the Navixy envelope.</summary>
    public static bool IsOutsideApi(HttpRequest request) => !ApiPath.Contains(request);

    public static IApplicationBuilder UseConsolePages(this IApplicationBuilder app)
    {
        app.UseMiddleware<PageSecurityHeaders>();
        // API requests never pass the page middlewares: the rewriter logs every URL it sees at Debug, and an API URL
        // may carry a password or hash in its query string.
        app.UseWhen(context => IsOutsideApi(context.Request), pages =>
        {
            pages.UseRewriter(new RewriteOptions().AddRewrite("^sign-in/?$", "sign-in.html", skipRemainingRules: true));
            pages.UseDefaultFiles();
            pages.UseStaticFiles(new StaticFileOptions
            {
                // Revalidate on every use: the files carry no fingerprint, the ETag makes an unchanged file a 304.
                OnPrepareResponse = context => context.Context.Response.Headers[HeaderNames.CacheControl] = "no-cache",
            });
        });
        return app;
    }
}
