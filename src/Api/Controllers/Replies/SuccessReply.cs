namespace Navixy.Panel.Api.Controllers.Replies;

/// <summary>The reply of an action with no payload: <c>{"success": true}</c>.</summary>
public sealed record SuccessReply : INavixyReply
{
    public static SuccessReply Instance { get; } = new();
}
