namespace Navixy.Panel.Domain.Mfa;

/// <summary>Where a user's effective MFA setting comes from (<c>mfa_source</c> in <c>panel/user/read</c> and <c>list</c>).</summary>
public enum MfaSource
{
    /// <summary>The account's own setting.</summary>
    Own,

    /// <summary>No own setting: the dealer default applies.</summary>
    Default,

    /// <summary>Neither is set: disallowed.</summary>
    None,

    /// <summary>A demo user: exempt, never asked for a code whatever is stored.</summary>
    Demo,
}
