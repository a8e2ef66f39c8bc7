using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.UserAuth.Queries.AuthenticateUserSession;
using Navixy.Panel.Domain.Users;

namespace Navixy.Panel.Api.Auth;

/// <summary>Authenticates a user-API session hash, full or second-factor; the session kind becomes a claim.</summary>
public sealed class UserAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IMediator mediator) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private static readonly object ItemKey = new();

    public static UserSessionContext SessionOf(HttpContext context) =>
        context.Items[ItemKey] as UserSessionContext ?? throw new InvalidOperationException("The action is not behind user authentication.");

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var hash = NavixyCredential.Find(Context, out var wellFormed);
        if (hash is null || !wellFormed)
        {
            AuthFailure.Set(Context, ErrorCode.WrongHash);
            return AuthenticateResult.Fail("Missing or malformed hash");
        }

        UserSessionContext session;
        try
        {
            session = await mediator.Send(new AuthenticateUserSessionQuery(hash), Context.RequestAborted);
        }
        catch (NavixyException ex)
        {
            AuthFailure.Set(Context, ex.Code);
            return AuthenticateResult.Fail(ex.Message);
        }

        Context.Items[ItemKey] = session;
        var kind = session.Kind == UserSessionKind.Full ? NavixyClaims.FullSession : NavixyClaims.SecondFactorSession;
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, session.UserId.ToString(CultureInfo.InvariantCulture)),
                new Claim(NavixyClaims.SessionKind, kind),
            ],
            Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
}
