using Navixy.Panel.Domain.Users;

namespace Navixy.Panel.Domain.Security;

/// <summary>
/// One failed login attempt, kept in the database so throttling holds across API instances. The row is written
/// before the password is checked (when fewer than <see cref="Limit"/> are recent, in the same atomic step) and
/// removed again when the password was right, so parallel attempts cannot all pass one count.
/// </summary>
public sealed class LoginFailure
{
    /// <summary>Failures counted per login within <see cref="Window"/> before further attempts are refused.</summary>
    public const int Limit = 10;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public static readonly AttemptLimit Throttle = new(Limit, Window);

    private LoginFailure()
    {
        Login = string.Empty;
    }

    /// <summary>A failure as stored; the service itself writes them through the throttle's atomic reservation.</summary>
    public LoginFailure(LoginScope scope, string login, DateTime occurredAt)
    {
        Scope = scope;
        Login = User.LoginKeyOf(login);
        OccurredAt = occurredAt;
    }

    public long Id { get; private set; }

    public LoginScope Scope { get; private set; }

    /// <summary>The login's key (<see cref="User.LoginKeyOf"/>): compared case-insensitively, so throttling cannot be dodged by changing case.</summary>
    public string Login { get; private set; }

    public DateTime OccurredAt { get; private set; }
}
