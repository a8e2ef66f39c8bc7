using Navixy.Panel.Domain.Panel;

namespace Navixy.Panel.Application.Common.Interfaces;

/// <summary>What a request needs to know about the panel session it presents.</summary>
public sealed record PanelSessionInfo(
    long SessionId,
    long AccountId,
    long DealerId,
    DateTime ExpiresAt,
    bool AccountBlocked,
    bool DealerBlocked,
    PanelPermissions Permissions)
{
    /// <summary>The account's login, as the security log names the actor.</summary>
    public string AccountLogin { get; init; } = string.Empty;
}
