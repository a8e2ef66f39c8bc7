using Navixy.Panel.Domain.Dealers;
using Navixy.Panel.Domain.Mfa;

namespace Navixy.Panel.Application.Common.Interfaces;

public interface IDealerRepository
{
    Task<Dealer?> FindAsync(long dealerId, CancellationToken cancellationToken);

    /// <summary>The dealer's MFA default without tracking the dealer; null when none is kept.</summary>
    Task<MfaSettings?> GetDefaultMfaAsync(long dealerId, CancellationToken cancellationToken);

    Task<bool> AnyAsync(CancellationToken cancellationToken);

    void Add(Dealer dealer);
}
