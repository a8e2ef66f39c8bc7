using Navixy.Panel.Domain.Dealers;
using Navixy.Panel.Domain.Mfa;

namespace Navixy.Panel.Application.Common.Interfaces;

public interface IDealerRepository
{
    Task<Dealer?> FindAsync(long dealerId, CancellationToken cancellationToken);

    /// <summary>The dealer's MFA default without tracking the dealer; null when none is kept.</summary>
    Task<MfaSettings?> GetDefaultMfaAsync(long dealerId, CancellationToken cancellationToken);

    Task<bool> AnyAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Takes the dealer row's lock in one statement, held until the transaction ends, so concurrent changes of the
    /// dealer's users wait for each other instead of locking the same users in different orders (a deadlock).
    /// Returns false when the dealer does not exist.
    /// </summary>
    Task<bool> LockForMfaChangeAsync(long dealerId, CancellationToken cancellationToken);

    void Add(Dealer dealer);
}
