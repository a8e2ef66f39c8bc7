using Navixy.Panel.Domain.Mfa;
using Navixy.Panel.Domain.Users;

namespace Navixy.Panel.Application.Common.Interfaces;

/// <summary>A user with the MFA settings that decide its effective setting: its account's own and the dealer default.</summary>
public sealed record UserWithMfa(User User, MfaSettings? AccountMfa, MfaSettings? DealerDefault, bool DealerBlocked)
{
    public MfaSettings EffectiveMfa => MfaSettings.Effective(AccountMfa, DealerDefault);
}
