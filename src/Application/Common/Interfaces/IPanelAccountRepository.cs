using Navixy.Panel.Domain.Panel;

namespace Navixy.Panel.Application.Common.Interfaces;

public interface IPanelAccountRepository
{
    Task<PanelAccount?> FindByLoginAsync(string login, CancellationToken cancellationToken);

    Task<bool> LoginExistsAsync(string login, CancellationToken cancellationToken);

    Task<bool> AnyAsync(CancellationToken cancellationToken);

    /// <summary>The dealer's accounts, by id, untracked.</summary>
    Task<IReadOnlyList<PanelAccount>> ListByDealerAsync(long dealerId, CancellationToken cancellationToken);

    void Add(PanelAccount account);
}
