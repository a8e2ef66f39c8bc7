using MediatR;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Application.Mfa.Models;

namespace Navixy.Panel.Application.Mfa.Queries.ReadDefaultMfaSettings;

/// <summary><c>panel/user/mfa/settings/default/read</c>: the dealer default, or null when none is kept.</summary>
public sealed record ReadDefaultMfaSettingsQuery(long DealerId) : IRequest<MfaSettingsDto?>, IDealerScoped;

public sealed class ReadDefaultMfaSettingsQueryHandler(IDealerRepository dealers) : IRequestHandler<ReadDefaultMfaSettingsQuery, MfaSettingsDto?>
{
    public async Task<MfaSettingsDto?> Handle(ReadDefaultMfaSettingsQuery request, CancellationToken cancellationToken) =>
        MfaSettingsDto.From(await dealers.GetDefaultMfaAsync(request.DealerId, cancellationToken));
}
