namespace Navixy.Panel.Domain.Users;

public enum UserSessionKind
{
    /// <summary>A working session of the user API.</summary>
    Full = 1,

    /// <summary>Issued by <c>user/auth</c> when MFA applies; good only for <c>user/auth/code/*</c>.</summary>
    SecondFactor = 2,
}
