using System.Globalization;

namespace Navixy.Panel.Api.Protocol;

/// <summary><c>Retry-After</c> in whole seconds, rounded up and at least 1, so a client that waits that long is let in.</summary>
public static class RetryAfterHeader
{
    public static void Set(HttpResponse response, TimeSpan wait) =>
        response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
