namespace Navixy.Panel.Application.Common.Interfaces;

/// <summary>
/// The database planner's statistics, where the database leaves keeping them to its user (SQLite): refreshed for
/// the tables whose row counts changed much, cheap when none did. Run by the serving instance only, never by a
/// management command.
/// </summary>
public interface IPlannerStatistics
{
    Task RefreshAsync(CancellationToken cancellationToken);
}
