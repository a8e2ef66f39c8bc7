namespace Navixy.Panel.Api.OpenApi;

/// <summary>
/// A second reply shape of an action besides its return type, e.g. the reply to <c>dry_run</c>: the document
/// describes the action's 200 reply as <c>oneOf</c> the return type and this one.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class NavixyAlternativeReplyAttribute(Type replyType) : Attribute
{
    public Type ReplyType { get; } = replyType;
}
