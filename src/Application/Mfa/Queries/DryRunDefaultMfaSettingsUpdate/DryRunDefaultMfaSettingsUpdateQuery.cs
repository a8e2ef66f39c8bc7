using MediatR;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Application.Mfa.Models;
using Navixy.Panel.Domain.Mfa;

namespace Navixy.Panel.Application.Mfa.Queries.DryRunDefaultMfaSettingsUpdate;

/// <summary>
/// <c>panel/user/mfa/settings/default/update</c> with <c>dry_run=true</c>: what the new default would do to the master
/// users that follow the default (no own setting), counted without writing anything.
/// </summary>
public sealed record DryRunDefaultMfaSettingsUpdateQuery(long DealerId, MfaSettingsModel? Settings) : IRequest<MfaChangeFigures>, IDealerScoped;

public sealed class DryRunDefaultMfaSettingsUpdateQueryHandler(IUserRepository users, IDealerRepository dealers)
    : IRequestHandler<DryRunDefaultMfaSettingsUpdateQuery, MfaChangeFigures>
{
    public async Task<MfaChangeFigures> Handle(DryRunDefaultMfaSettingsUpdateQuery request, CancellationToken cancellationToken)
    {
        var settings = request.Settings!.ToDomain();
        var dealer = await dealers.FindAsync(request.DealerId, cancellationToken) ?? throw new NavixyException(ErrorCode.NotFound);
        var (following, demo) = await users.CountFollowingDefaultAsync(request.DealerId, cancellationToken);
        // Every follower had the old default as its effective setting; demo users stay exempt either way.
        var changes = MfaSettings.Effective(null, dealer.DefaultMfaSettings) != MfaSettings.Effective(null, settings);
        return new MfaChangeFigures(following, changes ? following - demo : 0, demo);
    }
}
