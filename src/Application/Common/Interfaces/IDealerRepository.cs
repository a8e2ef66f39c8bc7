using Navixy.Panel.Domain.Dealers;
using Navixy.Panel.Domain.Mfa;

namespace Navixy.Panel.Application.Common.Interfaces;

public interface IDealerRepository
{
    Task<Dealer?> FindAsync(long dealerId, CancellationToken cancellationToken);

    /// <summary>The dealer's MFA default without tracking the dealer; null when none is kept.</summary>
    Task<MfaSettings?> GetDefaultMfaAsync(long dealerId, CancellationToken cancellationToken);

    Task<bool> AnyAsync(CancellationToken cancellationToken);

    /// <summary>Every dealer, by id, untracked.</summary>
    Task<IReadOnlyList<Dealer>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Begins a change of the dealer's MFA settings (its default or its users') inside the current transaction, in
    /// one statement: takes the dealer row's lock, held until the transaction ends, so concurrent changes of the
    /// dealer wait for each other instead of locking the same users in different orders (a deadlock); and, where the
    /// database carries notifications, tells the other API instances to forget their cached reads of the dealer
    /// when the transaction commits. Returns false when the dealer does not exist.
    /// </summary>
    Task<bool> BeginMfaChangeAsync(long dealerId, CancellationToken cancellationToken);

    void Add(Dealer dealer);
}
