using Navixy.Panel.Application.Common.Caching;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;

namespace Navixy.Panel.Application.Mfa;

/// <summary>
/// The one way to change a dealer's MFA settings (its default or its users'): in one transaction that first takes
/// the dealer's MFA lock, which also tells the other API instances to forget their cached reads of the dealer when it
/// commits; and once it has ended, this instance forgets them too. See <c>docs/decisions.md</c>, "Read cache".
/// </summary>
public sealed class DealerMfaChanges(IDealerRepository dealers, IUnitOfWork unitOfWork, DealerReadCache readCache)
{
    /// <summary>Runs <paramref name="change"/> under the dealer's lock; 201 when the dealer does not exist.</summary>
    public async Task<T> ApplyAsync<T>(long dealerId, Func<CancellationToken, Task<T>> change, CancellationToken cancellationToken)
    {
        try
        {
            return await unitOfWork.InTransactionAsync(async ct =>
            {
                // Changes of one dealer apply one after another: two overlapping updates never lock the same users
                // in opposite orders.
                if (!await dealers.BeginMfaChangeAsync(dealerId, ct))
                {
                    throw new NavixyException(ErrorCode.NotFound);
                }

                return await change(ct);
            }, cancellationToken);
        }
        finally
        {
            // After the commit, so no read on this instance can keep the state from before it; also when it failed
            // (its outcome may be unknown), which costs a load at most.
            readCache.Forget(dealerId);
        }
    }
}
