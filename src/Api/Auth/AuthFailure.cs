using Navixy.Panel.Application.Common.Exceptions;

namespace Navixy.Panel.Api.Auth;

/// <summary>Carries why authentication failed from the handler to the response writer.</summary>
internal static class AuthFailure
{
    private static readonly object ItemKey = new();

    public static void Set(HttpContext context, ErrorCode code) => context.Items[ItemKey] = code;

    public static ErrorCode Get(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var code) && code is ErrorCode known ? known : ErrorCode.WrongHash;
}
