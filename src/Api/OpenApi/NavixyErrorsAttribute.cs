using Navixy.Panel.Application.Common.Exceptions;

namespace Navixy.Panel.Api.OpenApi;

/// <summary>
/// The error codes an action answers beyond those every action of its kind can (see <see cref="NavixyErrorCatalogue"/>):
/// the OpenAPI document lists them with the action, grouped by their HTTP status.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NavixyErrorsAttribute(params ErrorCode[] codes) : Attribute
{
    public IReadOnlyList<ErrorCode> Codes { get; } = codes;
}
