using System.Globalization;
using MediatR;
using Navixy.Panel.Application.Audit.Models;
using Navixy.Panel.Application.Common;
using Navixy.Panel.Application.Common.Interfaces;

namespace Navixy.Panel.Application.Audit.Queries.ListAuditEvents;

/// <summary>
/// <c>panel/audit/list</c>: a page of the dealer's security log, newest first, and the total before paging.
/// <c>user_id</c> selects the events that concern that master user (see <see cref="Domain.Audit.AuditEventUser"/>).
/// </summary>
public sealed record ListAuditEventsQuery(long DealerId, long? UserId, IReadOnlyList<string?>? Actions, string? From, string? To, int? Offset, int? Limit)
    : IRequest<ListAuditEventsResult>, IDealerScoped
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>A <c>from</c> or <c>to</c> as sent, <c>yyyy-MM-dd HH:mm:ss</c> UTC; null when absent or not in that form.</summary>
    public static DateTime? ParseTime(string? text) =>
        DateTime.TryParseExact(text, NavixyTime.Format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : null;
}

public sealed record ListAuditEventsResult(IReadOnlyList<AuditEventDto> List, int Count);

public sealed class ListAuditEventsQueryHandler(IAuditEventRepository events) : IRequestHandler<ListAuditEventsQuery, ListAuditEventsResult>
{
    public async Task<ListAuditEventsResult> Handle(ListAuditEventsQuery request, CancellationToken cancellationToken)
    {
        // "to" names a whole second: an event at 12:00:00.7 is within to = "12:00:00". The calendar's last second
        // has no next one, and nothing is later: no upper bound.
        var to = ListAuditEventsQuery.ParseTime(request.To) is { } last && last < DateTime.MaxValue.AddSeconds(-1) ? last.AddSeconds(1) : (DateTime?)null;
        var filter = new AuditEventFilter(
            request.DealerId,
            request.UserId,
            request.Actions is { Count: > 0 } actions ? actions.OfType<string>().Distinct().ToArray() : null,
            ListAuditEventsQuery.ParseTime(request.From),
            to);
        var page = await events.ListAsync(filter, request.Offset ?? 0, request.Limit ?? ListAuditEventsQuery.DefaultLimit, cancellationToken);
        return new ListAuditEventsResult(page.Events.Select(AuditEventDto.From).ToArray(), page.Count);
    }
}
