using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Domain.Security;

namespace Navixy.Panel.Application.Common.Security;

/// <summary>
/// Password checks of panel and user logins: counts failed logins per login in the database, so the limit
/// holds across API instances, and takes the same time whether or not the login exists.
/// </summary>
public sealed class LoginThrottle(ILoginFailureRepository failures, PasswordHashing passwordHashing, TimeProvider clock)
{
    public async Task<bool> IsLockedAsync(LoginScope scope, string login, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var recent = await failures.CountSinceAsync(scope, LoginFailure.NormalizeLogin(login), now - LoginFailure.Window, cancellationToken);
        return recent >= LoginFailure.Limit;
    }

    /// <summary>
    /// Checks the password against the stored hash, or against a dummy when the login is unknown (null hash), so
    /// response time does not tell which logins exist; a failure is recorded against the login.
    /// </summary>
    public async Task<bool> CheckPasswordAsync(LoginScope scope, string login, string? storedHash, string password, CancellationToken cancellationToken)
    {
        if (storedHash is null)
        {
            await passwordHashing.VerifyDummyAsync(password, cancellationToken);
        }
        else if (await passwordHashing.VerifyAsync(storedHash, password, cancellationToken))
        {
            return true;
        }

        await failures.RecordAsync(new LoginFailure(scope, login, clock.GetUtcNow().UtcDateTime), cancellationToken);
        return false;
    }
}
