namespace Navixy.Panel.Domain.Notifications;

/// <summary>What an MFA change notice tells its recipients.</summary>
public enum MfaNoticeKind
{
    /// <summary>Two-factor authentication was turned off for the account.</summary>
    TurnedOff = 1,

    /// <summary>Two-factor authentication was turned on: the next sign-in asks for a code.</summary>
    TurnedOn = 2,
}
