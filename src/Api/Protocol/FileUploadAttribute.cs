namespace Navixy.Panel.Api.Protocol;

/// <summary>
/// Marks an action that takes a file upload: its body may be as large as <c>Protocol:MaxUploadBytes</c>. The limit
/// is read from the routed endpoint, so every spelling of the path that reaches the action gets the same one.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FileUploadAttribute : Attribute;
