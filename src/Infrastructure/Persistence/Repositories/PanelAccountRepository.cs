using Microsoft.EntityFrameworkCore;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Domain.Panel;

namespace Navixy.Panel.Infrastructure.Persistence.Repositories;

internal sealed class PanelAccountRepository(PanelDbContext db) : IPanelAccountRepository
{
    public Task<PanelAccount?> FindByLoginAsync(string login, CancellationToken cancellationToken) =>
        db.PanelAccounts.FirstOrDefaultAsync(a => a.Login == login, cancellationToken);

    // Taken whatever its case: the sign-in throttle counts a login case-insensitively, so accounts "ops" and "OPS"
    // would lock each other out. (SQLite's lower folds ASCII only.)
    public Task<bool> LoginExistsAsync(string login, CancellationToken cancellationToken)
    {
        var lowered = login.ToLowerInvariant();
        return db.PanelAccounts.AnyAsync(a => a.Login == login || a.Login.ToLower() == lowered, cancellationToken);
    }

    public Task<bool> AnyAsync(CancellationToken cancellationToken) => db.PanelAccounts.AnyAsync(cancellationToken);

    public async Task<IReadOnlyList<PanelAccount>> ListByDealerAsync(long dealerId, CancellationToken cancellationToken) =>
        await db.PanelAccounts.AsNoTracking().Where(a => a.DealerId == dealerId).OrderBy(a => a.Id).ToListAsync(cancellationToken);

    public void Add(PanelAccount account) => db.PanelAccounts.Add(account);
}
