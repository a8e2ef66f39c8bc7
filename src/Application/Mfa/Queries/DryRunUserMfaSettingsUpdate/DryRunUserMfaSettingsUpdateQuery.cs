using MediatR;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Application.Mfa.Models;
using Navixy.Panel.Domain.Mfa;

namespace Navixy.Panel.Application.Mfa.Queries.DryRunUserMfaSettingsUpdate;

/// <summary>
/// <c>panel/user/mfa/settings/update</c> with <c>dry_run=true</c>: what the update would do, counted without writing
/// anything. Same validation and 201 as the update (<see cref="DryRunUserMfaSettingsUpdateQueryValidator"/>).
/// </summary>
public sealed record DryRunUserMfaSettingsUpdateQuery(long DealerId, MfaTargetModel? Target, MfaSettingsModel? Settings)
    : IRequest<MfaChangeFigures>, IDealerScoped;

public sealed class DryRunUserMfaSettingsUpdateQueryHandler(IUserRepository users, IDealerRepository dealers)
    : IRequestHandler<DryRunUserMfaSettingsUpdateQuery, MfaChangeFigures>
{
    public async Task<MfaChangeFigures> Handle(DryRunUserMfaSettingsUpdateQuery request, CancellationToken cancellationToken)
    {
        var settings = request.Settings!.ToDomain();
        var ids = request.Target!.ToDomain() is MfaTarget.SelectedUsers selected ? selected.Ids : null;
        var dealer = await dealers.FindAsync(request.DealerId, cancellationToken) ?? throw new NavixyException(ErrorCode.NotFound);
        var figures = await users.CountMfaChangeAsync(request.DealerId, ids, settings, dealer.DefaultMfaSettings, cancellationToken);
        // As the update: an id that is not a master user of this dealer fails the whole call.
        if (ids is not null && figures.Matched != ids.Count)
        {
            throw new NavixyException(ErrorCode.NotFound);
        }

        return figures;
    }
}
