namespace Navixy.Panel.Application.Common;

/// <summary>
/// A parameter the action's validator refuses with 7 when it is absent. Parameter types keep every property nullable
/// so a missing one is named in <c>errors</c>; this mark is what the OpenAPI document lists as <c>required</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RequiredParameterAttribute : Attribute;
