using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Navixy.Panel.Application.UserAuth.Queries.AuthenticateUserSession;
using Navixy.Panel.Domain.Users;

namespace Navixy.Panel.Api.Auth;

/// <summary>User-API sessions, full or second-factor; the session kind and the account role become claims the policies check.</summary>
public sealed class UserAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IMediator mediator) : SessionAuthenticationHandler<UserSessionContext>(options, logger, encoder)
{
    protected override Task<UserSessionContext> ResolveAsync(string hash, CancellationToken cancellationToken) =>
        mediator.Send(new AuthenticateUserSessionQuery(hash), cancellationToken);

    protected override IEnumerable<Claim> ClaimsOf(UserSessionContext session) =>
    [
        new(ClaimTypes.NameIdentifier, session.UserId.ToString(CultureInfo.InvariantCulture)),
        new(NavixyClaims.SessionKind, session.Kind == UserSessionKind.Full ? NavixyClaims.FullSession : NavixyClaims.SecondFactorSession),
        new(NavixyClaims.AccountRole, session.MasterId is null ? NavixyClaims.MasterUser : NavixyClaims.SubUser),
    ];
}
