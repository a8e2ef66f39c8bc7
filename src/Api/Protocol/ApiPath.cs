namespace Navixy.Panel.Api.Protocol;

/// <summary>Navixy's API lives under <c>/v2</c> (any letter case); everything else is the console's pages and files.</summary>
public static class ApiPath
{
    public const string Prefix = "/v2";

    public static bool Contains(HttpRequest request) => request.Path.StartsWithSegments(Prefix);
}
