namespace Navixy.Panel.Application.Common;

/// <summary>
/// Marks an action, parameter or reply field that Navixy does not have (an extension beyond Navixy's API): the
/// OpenAPI document tags it <c>x-navixy-extension: true</c>, so a client written for Navixy knows it may ignore it.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property)]
public sealed class NavixyExtensionAttribute : Attribute
{
    public const string Key = "x-navixy-extension";
}
