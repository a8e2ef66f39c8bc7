using Navixy.Panel.Domain.Users;

namespace Navixy.Panel.Application.Common.Interfaces;

/// <summary>A user whose imported password is still sealed (<see cref="User.PendingPassword"/>).</summary>
public sealed record PendingPassword(long UserId, byte[] SealedPassword);
