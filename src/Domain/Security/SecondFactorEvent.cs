namespace Navixy.Panel.Domain.Security;

/// <summary>
/// One code check or code mail of a user, kept in the database so the per-account limits hold over all of the
/// user's second-factor sessions and across API instances. A check is written before the code is compared and
/// removed again when the code was right, so only wrong codes stay counted.
/// </summary>
public sealed class SecondFactorEvent
{
    /// <summary>Wrong codes per user over all its sessions; beyond it <c>user/auth</c> and <c>code/verify</c> give 105.</summary>
    public static readonly AttemptLimit WrongCodes = new(10, TimeSpan.FromMinutes(15));

    /// <summary>Code mails per user, whichever session asked; beyond them 15 (HTTP 429) with <c>Retry-After</c>.</summary>
    public static readonly IReadOnlyList<AttemptLimit> CodeMails = [new(5, TimeSpan.FromMinutes(15)), new(20, TimeSpan.FromDays(1))];

    /// <summary>The longest window of any limit: an older event no longer counts against any, so housekeeping removes it.</summary>
    public static readonly TimeSpan Retention = CodeMails.Append(WrongCodes).Max(l => l.Window);

    private SecondFactorEvent()
    {
    }

    /// <summary>An event as its counted insert writes it; for seeding tests.</summary>
    public SecondFactorEvent(long userId, SecondFactorEventKind kind, DateTime occurredAt)
    {
        UserId = userId;
        Kind = kind;
        OccurredAt = occurredAt;
    }

    public long Id { get; private set; }

    public long UserId { get; private set; }

    public SecondFactorEventKind Kind { get; private set; }

    public DateTime OccurredAt { get; private set; }

    public static IReadOnlyList<AttemptLimit> LimitsOf(SecondFactorEventKind kind) => kind == SecondFactorEventKind.CodeChecked ? [WrongCodes] : CodeMails;
}
