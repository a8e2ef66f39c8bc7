using Navixy.Panel.Application.Common.Exceptions;

namespace Navixy.Panel.Api.Protocol;

/// <summary>Routing answers an unknown path with 404 and a known path with another method with 405; both get the envelope.</summary>
public static class WrongPathOrMethod
{
    public static Task WriteAsync(HttpContext context) => context.Response.StatusCode switch
    {
        StatusCodes.Status404NotFound => NavixyEnvelope.WriteErrorAsync(context, ErrorCode.WrongHandler),
        StatusCodes.Status405MethodNotAllowed => NavixyEnvelope.WriteErrorAsync(context, ErrorCode.WrongMethod),
        _ => Task.CompletedTask,
    };
}
