using Navixy.Panel.Api.Pages;
using Navixy.Panel.Application.Common.Exceptions;

namespace Navixy.Panel.Api.Protocol;

/// <summary>
/// Bodiless framework answers get the envelope too: an unknown path (404) is 111, another method (405) is 112,
/// any other client error the framework raises on its own (415, 400) is 5, all under <c>/v2</c>. Outside it (pages,
/// files, made-up paths) the framework's answer stays plain: those are not API calls.
/// </summary>
public static class WrongPathOrMethod
{
    public static Task WriteAsync(HttpContext context) => ConsolePages.IsOutsideApi(context.Request) ? Task.CompletedTask : context.Response.StatusCode switch
    {
        StatusCodes.Status404NotFound => NavixyEnvelope.WriteErrorAsync(context, ErrorCode.WrongHandler),
        StatusCodes.Status405MethodNotAllowed => NavixyEnvelope.WriteErrorAsync(context, ErrorCode.WrongMethod),
        >= 400 and < 500 => NavixyEnvelope.WriteErrorAsync(context, ErrorCode.WrongRequestFormat),
        _ => Task.CompletedTask,
    };
}
