using Microsoft.Net.Http.Headers;
using Navixy.Panel.Api.Protocol;

namespace Navixy.Panel.Api.Pages;

/// <summary>
/// Security headers on everything served outside <c>/v2</c> (pages and their assets): a CSP without inline code or
/// eval (the API reference at <c>/docs</c> has its own, <see cref="ApiReferencePage"/>), no framing, no MIME sniffing, no referrer.
/// </summary>
public sealed class PageSecurityHeaders(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!ApiPath.Contains(context.Request))
        {
            var headers = context.Response.Headers;
            headers[HeaderNames.ContentSecurityPolicy] = ConsolePages.ContentSecurityPolicy;
            if (ApiReferencePage.IsApiReference(context.Request))
            {
                // The reference page's nonce is made when the page renders, at the end of the pipeline.
                context.Response.OnStarting(() =>
                {
                    headers[HeaderNames.ContentSecurityPolicy] = ApiReferencePage.ContentSecurityPolicy(ApiReferencePage.NonceOf(context));
                    return Task.CompletedTask;
                });
            }

            headers[HeaderNames.XContentTypeOptions] = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
        }

        return next(context);
    }
}
