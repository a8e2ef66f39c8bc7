using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Application.Panel.Queries.AuthenticatePanelSession;

namespace Navixy.Panel.Api.Auth;

/// <summary>Panel sessions; each permission grant becomes a claim the authorization policies check.</summary>
public sealed class PanelAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IMediator mediator) : SessionAuthenticationHandler<PanelSessionInfo>(options, logger, encoder)
{
    protected override Task<PanelSessionInfo> ResolveAsync(string hash, CancellationToken cancellationToken) =>
        mediator.Send(new AuthenticatePanelSessionQuery(hash), cancellationToken);

    protected override IEnumerable<Claim> ClaimsOf(PanelSessionInfo session) =>
    [
        new(ClaimTypes.NameIdentifier, session.AccountId.ToString(CultureInfo.InvariantCulture)),
        .. session.Permissions.Grants.Select(g => new Claim(NavixyClaims.Permission, g)),
    ];
}
