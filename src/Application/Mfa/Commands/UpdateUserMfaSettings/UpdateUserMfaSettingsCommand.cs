using MediatR;
using Navixy.Panel.Application.Audit;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Application.Mfa.Models;
using Navixy.Panel.Application.Notifications;
using Navixy.Panel.Domain.Audit;
using Navixy.Panel.Domain.Mfa;

namespace Navixy.Panel.Application.Mfa.Commands.UpdateUserMfaSettings;

/// <summary><c>panel/user/mfa/settings/update</c>: sets the own MFA setting of all or selected master users of the dealer.</summary>
public sealed record UpdateUserMfaSettingsCommand(long DealerId, MfaTargetModel? Target, MfaSettingsModel? Settings) : IRequest<Unit>, IDealerScoped;

public sealed class UpdateUserMfaSettingsCommandHandler(
    IUserRepository users, DealerMfaChanges changes, MfaNotices notices, AuditTrail audit, TimeProvider clock)
    : IRequestHandler<UpdateUserMfaSettingsCommand, Unit>
{
    public async Task<Unit> Handle(UpdateUserMfaSettingsCommand request, CancellationToken cancellationToken)
    {
        var settings = request.Settings!.ToDomain();
        var target = request.Target!.ToDomain();
        var now = clock.GetUtcNow().UtcDateTime;

        await changes.ApplyAsync(request.DealerId, async ct =>
        {
            switch (target)
            {
                case MfaTarget.SelectedUsers selected:
                    // All or nothing: an id that is not a master user of this dealer leaves a row unchanged, and the
                    // exception rolls the whole transaction back.
                    var marked = await notices.ForUsersAsync(request.DealerId, settings, now, selected.Ids.Min(), selected.Ids.Max(), ct);
                    var changed = await users.SetMfaForSelectedAsync(request.DealerId, selected.Ids, settings, now, marked, ct);
                    if (changed != selected.Ids.Count)
                    {
                        throw new NavixyException(ErrorCode.NotFound);
                    }

                    audit.Record(AuditActions.MfaUpdate, request.DealerId, AuditTarget.Selected(selected.Ids), after: settings, affected: changed);
                    return changed;
                default:
                    // One event for the whole dealer, however many users the statement changed.
                    var notice = await notices.ForUsersAsync(request.DealerId, settings, now, null, null, ct);
                    var all = await users.SetMfaForAllAsync(request.DealerId, settings, now, notice, ct);
                    audit.Record(AuditActions.MfaUpdate, request.DealerId, AuditTarget.All, after: settings, affected: all);
                    return all;
            }
        }, cancellationToken);
        return Unit.Value;
    }
}
