using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Navixy.Panel.Api.Controllers.Replies;

namespace Navixy.Panel.Api.Protocol;

/// <summary>
/// Writes an action's returned <see cref="INavixyReply"/> in the success envelope. Actions declare their reply type as
/// their return type, so the API explorer (and with it the OpenAPI document) sees the type the wire carries.
/// </summary>
public sealed class NavixyReplyFilter : IResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is ObjectResult { Value: INavixyReply reply })
        {
            context.Result = new NavixyResult(reply);
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
