using System.Security.Claims;
using System.Text.Encodings.Web;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Application.Panel.Queries.AuthenticatePanelSession;

namespace Navixy.Panel.Api.Auth;

/// <summary>Authenticates a panel session hash; the resolved session is kept on the request for the controllers.</summary>
public sealed class PanelAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IMediator mediator) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private static readonly object ItemKey = new();

    public static PanelSessionInfo SessionOf(HttpContext context) =>
        context.Items[ItemKey] as PanelSessionInfo ?? throw new InvalidOperationException("The action is not behind panel authentication.");

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var hash = NavixyCredential.Find(Context, out var wellFormed);
        if (hash is null || !wellFormed)
        {
            AuthFailure.Set(Context, ErrorCode.WrongHash);
            return AuthenticateResult.Fail("Missing or malformed hash");
        }

        PanelSessionInfo session;
        try
        {
            session = await mediator.Send(new AuthenticatePanelSessionQuery(hash), Context.RequestAborted);
        }
        catch (NavixyException ex)
        {
            AuthFailure.Set(Context, ex.Code);
            return AuthenticateResult.Fail(ex.Message);
        }

        Context.Items[ItemKey] = session;
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, session.AccountId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        claims.AddRange(session.Permissions.Grants.Select(g => new Claim(NavixyClaims.Permission, g)));
        var identity = new ClaimsIdentity(claims, Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
}
