using Navixy.Panel.Application.Common.Interfaces;

namespace Navixy.Panel.Infrastructure.Persistence;

internal sealed class PlannerStatistics(PanelDbContext db, DatabaseOptions database) : IPlannerStatistics
{
    public Task RefreshAsync(CancellationToken cancellationToken) => database.Provider.RefreshStatisticsAsync(db, cancellationToken);
}
