using Navixy.Panel.Domain.Security;

namespace Navixy.Panel.Application.Common.Interfaces;

public interface ILoginFailureRepository
{
    Task<int> CountSinceAsync(LoginScope scope, string normalizedLogin, DateTime since, CancellationToken cancellationToken);

    /// <summary>Records a failure at once, outside any unit of work, so a failed request still counts.</summary>
    Task RecordAsync(LoginFailure failure, CancellationToken cancellationToken);

    /// <summary>Removes at most <paramref name="batchSize"/> failures that occurred at or before <paramref name="cutoff"/>, oldest first; returns how many.</summary>
    Task<int> DeleteOlderThanAsync(DateTime cutoff, int batchSize, CancellationToken cancellationToken);
}
