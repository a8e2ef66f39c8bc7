using Microsoft.AspNetCore.Mvc.Routing;

namespace Navixy.Panel.Api.Protocol;

/// <summary>A Navixy action: reachable with GET and POST at the template, with or without a trailing slash.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NavixyActionAttribute(string template) : HttpMethodAttribute(Methods, template)
{
    private static readonly string[] Methods = ["GET", "POST"];
}
