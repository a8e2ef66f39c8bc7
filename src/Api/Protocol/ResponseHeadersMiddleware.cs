namespace Navixy.Panel.Api.Protocol;

/// <summary>
/// Headers every reply carries, success or error: <c>nosniff</c> (a body is only ever the JSON it says it is) and
/// <c>no-store</c> (replies hold session hashes and personal data no cache may keep). Set when the response starts,
/// so the exception handler clearing the response on the way does not drop them.
/// </summary>
public sealed class ResponseHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpResponse)state).Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.CacheControl = "no-store";
            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    }
}
