namespace Navixy.Panel.Domain.Mfa;

/// <summary>Whom an MFA update applies to: every master user of the dealer, or an explicit list of ids.</summary>
public abstract record MfaTarget
{
    public const int MaxSelectedIds = 100;

    private MfaTarget()
    {
    }

    public static MfaTarget All { get; } = new AllUsers();

    /// <summary>A selection of 1 to <see cref="MaxSelectedIds"/> positive ids as sent; repeated ids count once.</summary>
    public static MfaTarget Selected(IReadOnlyCollection<long> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count is 0 or > MaxSelectedIds)
        {
            throw new ArgumentException($"A selection holds 1 to {MaxSelectedIds} ids.", nameof(ids));
        }

        if (ids.Any(id => id <= 0))
        {
            throw new ArgumentException("Selected ids are positive.", nameof(ids));
        }

        return new SelectedUsers(ids.Distinct().Order().ToArray());
    }

    public sealed record AllUsers : MfaTarget;

    public sealed record SelectedUsers(IReadOnlyList<long> Ids) : MfaTarget;
}
