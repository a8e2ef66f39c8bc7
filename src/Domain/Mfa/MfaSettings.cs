namespace Navixy.Panel.Domain.Mfa;

/// <summary>
/// MFA settings of an account or a dealer default: allowed with a non-empty set of factor types, or disallowed.
/// </summary>
public sealed record MfaSettings
{
    private MfaSettings(bool isAllowed, MfaFactorTypes factorTypes)
    {
        IsAllowed = isAllowed;
        FactorTypes = factorTypes;
    }

    public static MfaSettings Disallowed { get; } = new(false, MfaFactorTypes.None);

    public bool IsAllowed { get; }

    /// <summary>Factor types in force; always <see cref="MfaFactorTypes.None"/> when disallowed.</summary>
    public MfaFactorTypes FactorTypes { get; }

    /// <summary>Allows MFA with the given factor types; duplicates collapse, an empty set is refused.</summary>
    public static MfaSettings Allow(IEnumerable<MfaFactorTypes> factorTypes)
    {
        ArgumentNullException.ThrowIfNull(factorTypes);
        var combined = factorTypes.Aggregate(MfaFactorTypes.None, (all, type) => all | type);
        return Allow(combined);
    }

    public static MfaSettings Allow(MfaFactorTypes factorTypes)
    {
        if (factorTypes == MfaFactorTypes.None)
        {
            throw new ArgumentException("Allowed MFA needs at least one factor type.", nameof(factorTypes));
        }

        return new MfaSettings(true, factorTypes);
    }

    /// <summary>
    /// The setting that applies to a user: the account's own setting, else the dealer default, else disallowed.
    /// </summary>
    public static MfaSettings Effective(MfaSettings? own, MfaSettings? dealerDefault) =>
        own ?? dealerDefault ?? Disallowed;

    /// <summary>Where the setting that applies to a user comes from; the demo exemption outranks everything stored.</summary>
    public static MfaSource SourceOf(bool demo, MfaSettings? own, MfaSettings? dealerDefault) =>
        demo ? MfaSource.Demo : own is not null ? MfaSource.Own : dealerDefault is not null ? MfaSource.Default : MfaSource.None;

    /// <summary>
    /// Whether sign-in asks the user for a code: the effective setting allows it and the user is not a demo user. The
    /// <c>mfa_allowed</c> filter and order of <c>panel/user/list</c> and the dry run's <c>changed</c> use this value.
    /// </summary>
    public static bool EnforcedAtSignIn(bool demo, MfaSettings? own, MfaSettings? dealerDefault) =>
        !demo && Effective(own, dealerDefault).IsAllowed;

    /// <summary>Rebuilds settings from their two storage columns; a null mode means "no setting".</summary>
    public static MfaSettings? FromStorage(bool? allowed, MfaFactorTypes factorTypes) => allowed switch
    {
        null => null,
        false => Disallowed,
        true when factorTypes == MfaFactorTypes.None => Disallowed,
        true => new MfaSettings(true, factorTypes),
    };

    /// <summary>The factor types in force as a list, in declaration order.</summary>
    public IReadOnlyList<MfaFactorTypes> FactorTypeList =>
        Enum.GetValues<MfaFactorTypes>().Where(t => t != MfaFactorTypes.None && FactorTypes.HasFlag(t)).ToArray();
}
