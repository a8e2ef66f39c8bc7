using Navixy.Panel.Domain.Audit;

namespace Navixy.Panel.Application.Common.Interfaces;

/// <summary>The security log. Append-only: there is no update, and the only delete is retention's.</summary>
public interface IAuditEventRepository
{
    /// <summary>Stages an event; it is written by the unit of work's next save, with the change it describes.</summary>
    void Add(AuditEvent auditEvent);

    Task<AuditEventPage> ListAsync(AuditEventFilter filter, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>Deletes at most <paramref name="batchSize"/> events at or before <paramref name="cutoff"/>, earliest first, in one statement; returns how many.</summary>
    Task<int> DeleteOlderThanAsync(DateTime cutoff, int batchSize, CancellationToken cancellationToken);
}
