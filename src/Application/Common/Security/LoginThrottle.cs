using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Domain.Security;

namespace Navixy.Panel.Application.Common.Security;

/// <summary>Counts failed logins per login in the database, so the limit holds across API instances.</summary>
public sealed class LoginThrottle(ILoginFailureRepository failures, TimeProvider clock)
{
    public async Task<bool> IsLockedAsync(LoginScope scope, string login, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var recent = await failures.CountSinceAsync(scope, LoginFailure.NormalizeLogin(login), now - LoginFailure.Window, cancellationToken);
        return recent >= LoginFailure.Limit;
    }

    public Task RecordFailureAsync(LoginScope scope, string login, CancellationToken cancellationToken) =>
        failures.RecordAsync(new LoginFailure(scope, login, clock.GetUtcNow().UtcDateTime), cancellationToken);
}
