using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Domain.Security;
using Navixy.Panel.Domain.Users;

namespace Navixy.Panel.Application.Common.Security;

/// <summary>
/// Password checks of panel and user logins: counts failed logins per login in the database, so the limit
/// holds across API instances, and takes the same time whether or not the login exists.
/// </summary>
/// <remarks>
/// An attempt is recorded as a failure before its password is checked, in the same atomic step as the count
/// (<see cref="ILoginFailureRepository.TryReserveAsync"/>), and withdrawn when the password is right, so parallel
/// requests cannot all pass one count; see <c>docs/decisions.md</c>, "Login attempts are reserved before the
/// password is checked".
/// The hash itself runs in <see cref="PasswordHashing"/>'s interactive lane, off the request threads.
/// </remarks>
public sealed class LoginThrottle(ILoginFailureRepository failures, PasswordHashing passwordHashing, PendingPasswords pendingPasswords, TimeProvider clock)
{
    /// <summary>Takes a place for one password check of the login; null when its recent failures reach the limit.</summary>
    public async Task<LoginAttempt?> TryBeginAsync(LoginScope scope, string login, CancellationToken cancellationToken)
    {
        var id = await failures.TryReserveAsync(scope, User.LoginKeyOf(login), clock.GetUtcNow().UtcDateTime, cancellationToken);
        return id is { } failureId ? new LoginAttempt(failureId) : null;
    }

    /// <summary>
    /// Checks the password against the stored hash, or against a dummy when the login is unknown (null hash), so
    /// response time does not tell which logins exist. A right password withdraws the attempt's failure; a wrong one
    /// leaves it counted, as does a check abandoned by <paramref name="cancellationToken"/>.
    /// </summary>
    public async Task<bool> CheckPasswordAsync(LoginAttempt attempt, string? storedHash, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        if (storedHash is null)
        {
            await passwordHashing.VerifyDummyAsync(password, cancellationToken);
            return false;
        }

        if (!await passwordHashing.VerifyAsync(storedHash, password, cancellationToken))
        {
            return false;
        }

        await SucceedAsync(attempt);
        return true;
    }

    /// <summary>
    /// <see cref="CheckPasswordAsync"/> for a password still pending (<see cref="PendingPasswords"/>): the new hash of a
    /// right password, for the caller to store; null for a wrong one.
    /// </summary>
    public async Task<string?> CheckPendingPasswordAsync(LoginAttempt attempt, byte[] sealedPassword, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var hash = await pendingPasswords.SignInAsync(sealedPassword, password, cancellationToken);
        if (hash is not null)
        {
            await SucceedAsync(attempt);
        }

        return hash;
    }

    private async Task SucceedAsync(LoginAttempt attempt)
    {
        // Without the request's token: a client that goes away after a right password must not leave a failure behind.
        await failures.RemoveAsync(attempt.FailureId, CancellationToken.None);
    }
}
