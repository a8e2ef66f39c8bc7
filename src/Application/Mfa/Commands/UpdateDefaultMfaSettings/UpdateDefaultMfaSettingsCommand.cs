using MediatR;
using Navixy.Panel.Application.Audit;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Application.Mfa.Models;
using Navixy.Panel.Application.Notifications;
using Navixy.Panel.Domain.Audit;

namespace Navixy.Panel.Application.Mfa.Commands.UpdateDefaultMfaSettings;

/// <summary><c>panel/user/mfa/settings/default/update</c>: the dealer default for users without a setting of their own.</summary>
public sealed record UpdateDefaultMfaSettingsCommand(long DealerId, MfaSettingsModel? Settings) : IRequest<Unit>, IDealerScoped;

public sealed class UpdateDefaultMfaSettingsCommandHandler(
    IDealerRepository dealers, DealerMfaChanges changes, MfaNotices notices, AuditTrail audit, TimeProvider clock)
    : IRequestHandler<UpdateDefaultMfaSettingsCommand, Unit>
{
    public Task<Unit> Handle(UpdateDefaultMfaSettingsCommand request, CancellationToken cancellationToken) =>
        changes.ApplyAsync(request.DealerId, async ct =>
        {
            var dealer = await dealers.FindAsync(request.DealerId, ct) ?? throw new NavixyException(ErrorCode.NotFound);
            var before = dealer.DefaultMfaSettings;
            var after = request.Settings!.ToDomain();
            dealer.SetDefaultMfa(after);
            await notices.ForDefaultAsync(request.DealerId, before, after, clock.GetUtcNow().UtcDateTime, ct);
            audit.Record(AuditActions.MfaDefaultUpdate, request.DealerId, AuditTarget.Default, before, after);
            return Unit.Value;
        }, cancellationToken);
}
