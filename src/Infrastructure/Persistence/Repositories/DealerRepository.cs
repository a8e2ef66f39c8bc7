using Microsoft.EntityFrameworkCore;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Domain.Dealers;
using Navixy.Panel.Domain.Mfa;

namespace Navixy.Panel.Infrastructure.Persistence.Repositories;

internal sealed class DealerRepository(PanelDbContext db, DatabaseOptions database) : IDealerRepository
{
    // Compiled once per model: default/read and user/list run it on every call.
    private static readonly CompiledQuery<Func<PanelDbContext, long, CancellationToken, Task<DefaultRow?>>> FindDefault = new(() =>
        EF.CompileAsyncQuery((PanelDbContext db, long dealerId, CancellationToken _) =>
            db.Dealers.Where(d => d.Id == dealerId).Select(d => new DefaultRow(d.DefaultMfaAllowed, d.DefaultMfaFactorTypes)).FirstOrDefault()));

    public Task<Dealer?> FindAsync(long dealerId, CancellationToken cancellationToken) =>
        db.Dealers.FirstOrDefaultAsync(d => d.Id == dealerId, cancellationToken);

    public async Task<MfaSettings?> GetDefaultMfaAsync(long dealerId, CancellationToken cancellationToken)
    {
        var stored = await FindDefault.For(db)(db, dealerId, cancellationToken);
        return stored is null ? null : MfaSettings.FromStorage(stored.Allowed, stored.FactorTypes);
    }

    public Task<bool> AnyAsync(CancellationToken cancellationToken) => db.Dealers.AnyAsync(cancellationToken);

    public async Task<IReadOnlyList<Dealer>> ListAsync(CancellationToken cancellationToken) =>
        await db.Dealers.AsNoTracking().OrderBy(d => d.Id).ToListAsync(cancellationToken);

    public Task<bool> BeginMfaChangeAsync(long dealerId, CancellationToken cancellationToken) =>
        database.Provider.TakeDealerLockAsync(db, dealerId, cancellationToken);

    public void Add(Dealer dealer) => db.Dealers.Add(dealer);

    private sealed record DefaultRow(bool? Allowed, MfaFactorTypes FactorTypes);
}
