using Navixy.Panel.Domain.Mfa;

namespace Navixy.Panel.Domain.Dealers;

/// <summary>A tenant of the platform: owns users and panel accounts, and keeps the MFA default.</summary>
public sealed class Dealer
{
    private Dealer()
    {
        Name = string.Empty;
    }

    public Dealer(string name, DateTime createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public string Name { get; private set; }

    public bool Blocked { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public bool? DefaultMfaAllowed { get; private set; }

    public MfaFactorTypes DefaultMfaFactorTypes { get; private set; }

    /// <summary>The default for users without a setting of their own, or null when none is kept.</summary>
    public MfaSettings? DefaultMfaSettings => MfaSettings.FromStorage(DefaultMfaAllowed, DefaultMfaFactorTypes);

    public void SetDefaultMfa(MfaSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        DefaultMfaAllowed = settings.IsAllowed;
        DefaultMfaFactorTypes = settings.FactorTypes;
    }

    public void Block() => Blocked = true;

    public void Unblock() => Blocked = false;
}
