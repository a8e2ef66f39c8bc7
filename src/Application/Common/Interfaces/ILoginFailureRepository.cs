using Navixy.Panel.Domain.Security;

namespace Navixy.Panel.Application.Common.Interfaces;

public interface ILoginFailureRepository
{
    /// <summary>
    /// Records a failure for the login before its password is checked, unless <see cref="LoginFailure.Limit"/> are
    /// already recent: the count and the write are one atomic step across API instances, outside any unit of work.
    /// Returns the failure's id, or null when the login is throttled.
    /// </summary>
    Task<long?> TryReserveAsync(LoginScope scope, string normalizedLogin, DateTime now, CancellationToken cancellationToken);

    /// <summary>Removes a reserved failure: the password was right.</summary>
    Task RemoveAsync(long failureId, CancellationToken cancellationToken);

    /// <summary>Removes at most <paramref name="batchSize"/> failures that occurred at or before <paramref name="cutoff"/>, oldest first; returns how many.</summary>
    Task<int> DeleteOlderThanAsync(DateTime cutoff, int batchSize, CancellationToken cancellationToken);
}
