namespace Navixy.Panel.Application.Common.Interfaces;

public enum UserOrder
{
    Id,
    Login,
    LastName,

    /// <summary>By whether sign-in asks for a code (<see cref="Domain.Mfa.MfaSettings.EnforcedAtSignIn"/>), then by id.</summary>
    MfaAllowed,
}
