using System.Globalization;
using Navixy.Panel.Application.Common;
using Navixy.Panel.Application.Mfa.Models;
using Navixy.Panel.Domain.Audit;

namespace Navixy.Panel.Application.Audit.Models;

/// <summary>An event as <c>panel/audit/list</c> shows it.</summary>
public sealed record AuditEventDto(
    long Id,
    string Time,
    string Action,
    AuditActorDto Actor,
    string? Ip,
    AuditTargetDto? Target,
    MfaSettingsDto? Before,
    MfaSettingsDto? After,
    int? Affected)
{
    public static AuditEventDto From(AuditEvent e) => new(
        e.Id,
        e.OccurredAt.ToString(NavixyTime.Format, CultureInfo.InvariantCulture),
        e.Action,
        new AuditActorDto(ActorTypeOf(e.ActorType), e.ActorId, e.ActorLogin),
        e.Ip,
        e.Target is { } target ? TargetOf(target) : null,
        MfaSettingsDto.From(e.Before),
        MfaSettingsDto.From(e.After),
        e.Affected);

    private static string ActorTypeOf(AuditActorType type) => type switch
    {
        AuditActorType.PanelAccount => "panel_account",
        AuditActorType.User => "user",
        _ => "system",
    };

    private static AuditTargetDto TargetOf(AuditTarget target) => target.Type switch
    {
        AuditTargetType.All => new("all", null, null),
        AuditTargetType.Default => new("default", null, null),
        AuditTargetType.Selected => new("selected", target.Ids, null),
        _ => new("user", null, target.Ids[0]),
    };
}
