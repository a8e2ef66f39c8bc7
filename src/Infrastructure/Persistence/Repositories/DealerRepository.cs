using Microsoft.EntityFrameworkCore;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Domain.Dealers;
using Navixy.Panel.Domain.Mfa;

namespace Navixy.Panel.Infrastructure.Persistence.Repositories;

internal sealed class DealerRepository(PanelDbContext db) : IDealerRepository
{
    public Task<Dealer?> FindAsync(long dealerId, CancellationToken cancellationToken) =>
        db.Dealers.FirstOrDefaultAsync(d => d.Id == dealerId, cancellationToken);

    public async Task<MfaSettings?> GetDefaultMfaAsync(long dealerId, CancellationToken cancellationToken)
    {
        var stored = await db.Dealers.AsNoTracking()
            .Where(d => d.Id == dealerId)
            .Select(d => new { d.DefaultMfaAllowed, d.DefaultMfaFactorTypes })
            .FirstOrDefaultAsync(cancellationToken);
        return stored is null ? null : MfaSettings.FromStorage(stored.DefaultMfaAllowed, stored.DefaultMfaFactorTypes);
    }

    public Task<bool> AnyAsync(CancellationToken cancellationToken) => db.Dealers.AnyAsync(cancellationToken);

    public async Task<bool> LockForMfaChangeAsync(long dealerId, CancellationToken cancellationToken) =>
        await db.Dealers.Where(d => d.Id == dealerId)
            .ExecuteUpdateAsync(setters => setters.SetProperty(d => d.MfaRevision, d => d.MfaRevision + 1), cancellationToken) == 1;

    public void Add(Dealer dealer) => db.Dealers.Add(dealer);
}
