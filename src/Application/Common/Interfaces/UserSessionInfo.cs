using Navixy.Panel.Domain.Users;

namespace Navixy.Panel.Application.Common.Interfaces;

/// <summary>A user session with the facts about its user that every request needs.</summary>
public sealed record UserSessionInfo(UserSession Session, long? MasterId, bool Activated, bool DealerBlocked);
