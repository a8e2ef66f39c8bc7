using FluentValidation;
using Navixy.Panel.Application.Common;
using Navixy.Panel.Domain.Audit;

namespace Navixy.Panel.Application.Audit.Queries.ListAuditEvents;

public sealed class ListAuditEventsQueryValidator : AbstractValidator<ListAuditEventsQuery>
{
    public ListAuditEventsQueryValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(q => q.UserId).GreaterThan(0).WithMessage("must be positive");
        RuleFor(q => q.Actions).Must(a => a is null || a.Count <= AuditActions.All.Count * 2).WithMessage($"must hold at most {AuditActions.All.Count * 2} names");
        RuleForEach(q => q.Actions).Must(a => a is not null && AuditActions.All.Contains(a)).WithMessage($"must be one of: {string.Join(", ", AuditActions.All)}");
        RuleFor(q => q.From).Must(t => ListAuditEventsQuery.ParseTime(t) is not null).When(q => q.From is not null).WithMessage($"must be a UTC time as {NavixyTime.Format}");
        RuleFor(q => q.To).Must(t => ListAuditEventsQuery.ParseTime(t) is not null).When(q => q.To is not null).WithMessage($"must be a UTC time as {NavixyTime.Format}");
        RuleFor(q => q.To).Must((q, to) => ListAuditEventsQuery.ParseTime(q.From) <= ListAuditEventsQuery.ParseTime(to))
            .When(q => ListAuditEventsQuery.ParseTime(q.From) is not null && ListAuditEventsQuery.ParseTime(q.To) is not null).WithMessage("must not be before from");
        RuleFor(q => q.Offset).GreaterThanOrEqualTo(0).WithMessage("must not be negative");
        RuleFor(q => q.Limit).InclusiveBetween(1, ListAuditEventsQuery.MaxLimit).WithMessage($"must be 1 to {ListAuditEventsQuery.MaxLimit}");
    }
}
