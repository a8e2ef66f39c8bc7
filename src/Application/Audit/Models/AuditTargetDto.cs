using System.Text.Json.Serialization;

namespace Navixy.Panel.Application.Audit.Models;

/// <summary>
/// <c>target</c> of an event: <c>{"type":"all"}</c>, <c>{"type":"default"}</c>, <c>{"type":"selected","ids":[...]}</c>
/// or <c>{"type":"user","id":N}</c>; keys a type has no use for are left out.
/// </summary>
public sealed record AuditTargetDto(
    string Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<long>? Ids,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Id);
