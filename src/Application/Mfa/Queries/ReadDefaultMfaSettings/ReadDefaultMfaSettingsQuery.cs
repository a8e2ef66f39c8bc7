using MediatR;
using Navixy.Panel.Application.Common.Caching;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Application.Mfa.Models;

namespace Navixy.Panel.Application.Mfa.Queries.ReadDefaultMfaSettings;

/// <summary><c>panel/user/mfa/settings/default/read</c>: the dealer default, or null when none is kept.</summary>
public sealed record ReadDefaultMfaSettingsQuery(long DealerId) : IRequest<MfaSettingsDto?>, IDealerScoped;

public sealed class ReadDefaultMfaSettingsQueryHandler(IDealerRepository dealers, DealerReadCache cache)
    : IRequestHandler<ReadDefaultMfaSettingsQuery, MfaSettingsDto?>
{
    public Task<MfaSettingsDto?> Handle(ReadDefaultMfaSettingsQuery request, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync(
            request.DealerId,
            0,
            async ct => MfaSettingsDto.From(await dealers.GetDefaultMfaAsync(request.DealerId, ct)),
            cancellationToken);
}
