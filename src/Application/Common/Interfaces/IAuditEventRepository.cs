using Navixy.Panel.Domain.Audit;

namespace Navixy.Panel.Application.Common.Interfaces;

/// <summary>What <c>panel/audit/list</c> selects: a dealer's events, optionally of one user, some actions, a time range.</summary>
public sealed record AuditEventFilter(long DealerId, long? UserId, IReadOnlyCollection<string>? Actions, DateTime? From, DateTime? To);

/// <summary>A page of events, newest first, and the total before paging.</summary>
public sealed record AuditEventPage(IReadOnlyList<AuditEvent> Events, int Count);

/// <summary>The security log. Append-only: there is no update, and the only delete is retention's.</summary>
public interface IAuditEventRepository
{
    /// <summary>Stages an event; it is written by the unit of work's next save, with the change it describes.</summary>
    void Add(AuditEvent auditEvent);

    Task<AuditEventPage> ListAsync(AuditEventFilter filter, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>Deletes at most <paramref name="batchSize"/> events at or before <paramref name="cutoff"/>, earliest first, in one statement; returns how many.</summary>
    Task<int> DeleteOlderThanAsync(DateTime cutoff, int batchSize, CancellationToken cancellationToken);
}
