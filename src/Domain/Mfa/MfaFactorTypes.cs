namespace Navixy.Panel.Domain.Mfa;

/// <summary>Second factors a user can be asked for; stored as flags so a set fits one column.</summary>
[Flags]
public enum MfaFactorTypes
{
    None = 0,
    Email = 1,
}
