using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Navixy.Panel.Application.Common.Exceptions;

namespace Navixy.Panel.Api.Auth;

/// <summary>
/// Authenticates the session hash a request presents (see <see cref="NavixyCredential"/>): 3 when it is missing or
/// malformed, the resolver's code (4, 11) when it does not lead to a live session. The resolved session is kept on
/// the request for the controllers.
/// </summary>
public abstract class SessionAuthenticationHandler<TSession>(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    where TSession : class
{
    private static readonly object ItemKey = new();

    public static TSession SessionOf(HttpContext context) =>
        TryGetSession(context) ?? throw new InvalidOperationException($"The action is not behind {typeof(TSession).Name} authentication.");

    /// <summary>The request's resolved session, or null when it presented none of this kind.</summary>
    public static TSession? TryGetSession(HttpContext context) => context.Items[ItemKey] as TSession;

    protected abstract Task<TSession> ResolveAsync(string hash, CancellationToken cancellationToken);

    protected abstract IEnumerable<Claim> ClaimsOf(TSession session);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var hash = NavixyCredential.Find(Context, out var wellFormed);
        if (hash is null || !wellFormed)
        {
            AuthFailure.Set(Context, ErrorCode.WrongHash);
            return AuthenticateResult.Fail("Missing or malformed hash");
        }

        TSession session;
        try
        {
            session = await ResolveAsync(hash, Context.RequestAborted);
        }
        catch (NavixyException ex)
        {
            AuthFailure.Set(Context, ex.Code);
            return AuthenticateResult.Fail(ex.Message);
        }

        Context.Items[ItemKey] = session;
        var identity = new ClaimsIdentity(ClaimsOf(session), Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
}
