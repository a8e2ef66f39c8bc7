using Navixy.Panel.Application.Common.Interfaces;

namespace Navixy.Panel.Application.Housekeeping;

/// <summary>
/// User sessions past their expiry: a second-factor session 15 minutes after <c>user/auth</c>, a full one 30 days
/// after its last recorded use (both kept in the row's <c>expires_at</c>, see <see cref="Domain.Users.UserSession"/>).
/// </summary>
public sealed class ExpiredUserSessions(IUserSessionRepository sessions) : IHousekeepingStep
{
    public string Table => "user_sessions";

    public Task<int> PurgeBatchAsync(DateTime now, int batchSize, CancellationToken cancellationToken) =>
        sessions.DeleteExpiredAsync(now, batchSize, cancellationToken);
}
