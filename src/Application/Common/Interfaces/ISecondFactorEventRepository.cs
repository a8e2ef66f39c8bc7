using Navixy.Panel.Domain.Security;

namespace Navixy.Panel.Application.Common.Interfaces;

public interface ISecondFactorEventRepository
{
    /// <summary>
    /// Records an event of the user unless one of <see cref="SecondFactorEvent.LimitsOf"/> its kind is reached: the
    /// count and the write are one atomic step across API instances, outside any unit of work. Returns the event's
    /// id, or null when a limit refused it.
    /// </summary>
    Task<long?> TryRecordAsync(long userId, SecondFactorEventKind kind, DateTime now, CancellationToken cancellationToken);

    /// <summary>Removes a recorded event that turned out not to count (a right code, a mail never handed over).</summary>
    Task RemoveAsync(long eventId, CancellationToken cancellationToken);

    /// <summary>When the user's events of a kind since <paramref name="since"/> happened.</summary>
    Task<IReadOnlyList<DateTime>> TimesSinceAsync(long userId, SecondFactorEventKind kind, DateTime since, CancellationToken cancellationToken);

    /// <summary>Deletes at most <paramref name="batchSize"/> events at or before <paramref name="cutoff"/>, earliest first, in one statement; returns how many.</summary>
    Task<int> DeleteOlderThanAsync(DateTime cutoff, int batchSize, CancellationToken cancellationToken);
}
