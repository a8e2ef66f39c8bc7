namespace Navixy.Panel.Domain.Security;

/// <summary>At most <see cref="Count"/> events of one kind for one subject (a login, a user) within <see cref="Window"/>.</summary>
public sealed record AttemptLimit(int Count, TimeSpan Window)
{
    /// <summary>
    /// When the next event fits under this limit, given the times of the subject's recent events: now, or the moment
    /// the oldest of the newest <see cref="Count"/> events leaves the window.
    /// </summary>
    public DateTime FreeAt(IEnumerable<DateTime> recent, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(recent);
        var inWindow = recent.Where(t => t > now - Window).OrderDescending().ToList();
        return inWindow.Count < Count ? now : inWindow[Count - 1] + Window;
    }
}
