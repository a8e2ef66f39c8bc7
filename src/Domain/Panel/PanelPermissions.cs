namespace Navixy.Panel.Domain.Panel;

/// <summary>
/// Permissions of a panel account: a set of <c>category:action</c> grants such as <c>users:read</c>.
/// An absent category grants nothing.
/// </summary>
public sealed class PanelPermissions : IEquatable<PanelPermissions>
{
    public const string UsersCreate = "users:create";
    public const string UsersRead = "users:read";
    public const string UsersUpdate = "users:update";
    public const string AuditRead = "audit:read";

    /// <summary>Every grant this product knows; the bootstrap account gets all of them.</summary>
    public static IReadOnlyList<string> Known { get; } = [UsersCreate, UsersRead, UsersUpdate, AuditRead];

    private readonly SortedSet<string> _grants;

    private PanelPermissions(IEnumerable<string> grants)
    {
        _grants = new SortedSet<string>(grants, StringComparer.Ordinal);
    }

    public static PanelPermissions All { get; } = new(Known);

    public static PanelPermissions None { get; } = new([]);

    public IReadOnlyCollection<string> Grants => _grants;

    /// <summary>Parses a comma-separated list of known grants; unknown ones are reported, not dropped.</summary>
    public static bool TryParse(string? text, out PanelPermissions permissions, out IReadOnlyList<string> unknown)
    {
        var grants = (text ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(g => g.ToLowerInvariant())
            .ToArray();
        unknown = grants.Where(g => !Known.Contains(g)).ToArray();
        permissions = new PanelPermissions(grants.Where(Known.Contains));
        return unknown.Count == 0;
    }

    /// <summary>Rebuilds stored permissions; grants this version no longer knows are kept out.</summary>
    public static PanelPermissions FromStorage(string stored)
    {
        TryParse(stored, out var permissions, out _);
        return permissions;
    }

    public string ToStorage() => string.Join(',', _grants);

    public bool Has(string grant) => _grants.Contains(grant);

    /// <summary>The Navixy wire shape: category to its actions, e.g. <c>{"users": ["create", "read"]}</c>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ToCategoryMap() =>
        _grants
            .Select(g => g.Split(':', 2))
            .GroupBy(parts => parts[0], parts => parts[1], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.ToArray(), StringComparer.Ordinal);

    public bool Equals(PanelPermissions? other) => other is not null && _grants.SetEquals(other._grants);

    public override bool Equals(object? obj) => Equals(obj as PanelPermissions);

    public override int GetHashCode() => ToStorage().GetHashCode(StringComparison.Ordinal);

    public override string ToString() => ToStorage();
}
