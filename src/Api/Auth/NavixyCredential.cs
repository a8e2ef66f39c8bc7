using System.Buffers;
using Microsoft.Net.Http.Headers;
using Navixy.Panel.Api.Protocol;

namespace Navixy.Panel.Api.Auth;

/// <summary>
/// The session hash a request presents: header <c>Authorization: NVX &lt;hash&gt;</c>, else <c>hash</c> in the body,
/// else in the query string. A hash is 32 lowercase hex characters.
/// </summary>
public static class NavixyCredential
{
    private const string Scheme = "NVX ";
    private static readonly SearchValues<char> LowerHex = SearchValues.Create("0123456789abcdef");

    /// <summary>The presented hash; null when none is present; <paramref name="wellFormed"/> false when one is present but malformed.</summary>
    public static string? Find(HttpContext context, out bool wellFormed)
    {
        string? hash = null;
        var schemeNamed = true;
        if (context.Request.Headers.TryGetValue(HeaderNames.Authorization, out var header) && header.Count > 0)
        {
            // A bare hash in the header is malformed: only the NVX scheme (in any letter case, as HTTP schemes are)
            // says the header is a Navixy session. Two headers are malformed too: neither can be picked as meant.
            var value = header[0] ?? string.Empty;
            schemeNamed = header.Count == 1 && value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);
            hash = schemeNamed ? value[Scheme.Length..] : value;
        }
        else if (NavixyParameters.Of(context).Contains("hash"))
        {
            // Merged parameters already put the body before the query string.
            hash = NavixyParameters.Of(context).GetString("hash") ?? string.Empty;
        }

        wellFormed = schemeNamed && hash is not null && IsWellFormed(hash);
        return hash;
    }

    public static bool IsWellFormed(string hash) => hash.Length == 32 && !hash.AsSpan().ContainsAnyExcept(LowerHex);
}
