using System.Globalization;

namespace Navixy.Panel.Domain.Audit;

/// <summary>
/// Whom an event's change applies to: every master user of the dealer, a selection, the dealer default, or one user.
/// </summary>
public sealed record AuditTarget
{
    private AuditTarget(AuditTargetType type, IReadOnlyList<long> ids)
    {
        Type = type;
        Ids = ids;
    }

    public static AuditTarget All { get; } = new(AuditTargetType.All, []);

    public static AuditTarget Default { get; } = new(AuditTargetType.Default, []);

    public AuditTargetType Type { get; }

    /// <summary>The selected ids (distinct, ascending) or the one user's id; empty for all and default.</summary>
    public IReadOnlyList<long> Ids { get; }

    /// <summary>True for the targets that concern every user of the dealer.</summary>
    public bool IsDealerWide => Type is AuditTargetType.All or AuditTargetType.Default;

    public static AuditTarget Selected(IEnumerable<long> ids) => new(AuditTargetType.Selected, ids.Distinct().Order().ToArray());

    public static AuditTarget User(long id) => new(AuditTargetType.User, [id]);

    /// <summary>Rebuilds a stored target; ids are stored as a comma-separated list.</summary>
    public static AuditTarget FromStorage(AuditTargetType type, string? ids) => type switch
    {
        AuditTargetType.All => All,
        AuditTargetType.Default => Default,
        _ => new AuditTarget(type, (ids ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => long.Parse(id, CultureInfo.InvariantCulture)).ToArray()),
    };

    public string? IdsToStorage() => Ids.Count == 0 ? null : string.Join(',', Ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));

    // By value: two targets of the same type and ids are the same target, however their lists were built.
    public bool Equals(AuditTarget? other) => other is not null && Type == other.Type && Ids.SequenceEqual(other.Ids);

    public override int GetHashCode() => HashCode.Combine(Type, Ids.Count);
}
