namespace Navixy.Panel.Application.Audit.Models;

/// <summary><c>actor</c> of an event: <c>{"type": "panel_account"|"user"|"system", "id", "login"}</c>.</summary>
public sealed record AuditActorDto(string Type, long? Id, string? Login);
