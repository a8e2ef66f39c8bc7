using Microsoft.AspNetCore.Mvc;

namespace Navixy.Panel.Api.Protocol;

/// <summary>The success envelope as an action result.</summary>
public sealed class NavixyResult(object? payload) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context)
    {
        context.HttpContext.Response.StatusCode = StatusCodes.Status200OK;
        return NavixyEnvelope.WriteSuccessAsync(context.HttpContext, payload);
    }
}
