namespace Navixy.Panel.Domain.Users;

/// <summary>
/// A user-API session. A second-factor session also carries the one-time code challenge: the code's digest,
/// its expiry, the send history and the wrong-code counter, all in the row so limits hold across API instances.
/// </summary>
public sealed class UserSession
{
    public static readonly TimeSpan FullIdleLifetime = TimeSpan.FromDays(30);
    public static readonly TimeSpan SecondFactorLifetime = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan ResendInterval = TimeSpan.FromSeconds(60);
    public const int MaxSends = 5;
    public const int WrongCodesPerCode = 5;

    /// <summary>A full session's last-use time is written at most this often, to keep reads off the write path.</summary>
    public static readonly TimeSpan TouchGranularity = TimeSpan.FromMinutes(5);

    private UserSession()
    {
        TokenDigest = [];
    }

    private UserSession(byte[] tokenDigest, long userId, UserSessionKind kind, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(tokenDigest);
        TokenDigest = tokenDigest;
        UserId = userId;
        Kind = kind;
        CreatedAt = now;
        LastUsedAt = now;
        ExpiresAt = kind == UserSessionKind.Full ? now + FullIdleLifetime : now + SecondFactorLifetime;
    }

    public long Id { get; private set; }

    /// <summary>SHA-256 of the session hash; the hash itself is never stored.</summary>
    public byte[] TokenDigest { get; private set; }

    public long UserId { get; private set; }

    public UserSessionKind Kind { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime LastUsedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    /// <summary>HMAC of the current one-time code; null when no code is usable.</summary>
    public byte[]? CodeDigest { get; private set; }

    public DateTime? CodeExpiresAt { get; private set; }

    public DateTime? CodeSentAt { get; private set; }

    public int SendCount { get; private set; }

    /// <summary>Wrong codes entered in this session; never reset.</summary>
    public int WrongAttempts { get; private set; }

    /// <summary>Value of <see cref="WrongAttempts"/> when the current code was issued.</summary>
    public int WrongAttemptsAtIssue { get; private set; }

    /// <summary>Bumped by every change of the challenge, so concurrent checks or sends cannot both win.</summary>
    public int Version { get; private set; }

    public static UserSession StartFull(byte[] tokenDigest, long userId, DateTime now) =>
        new(tokenDigest, userId, UserSessionKind.Full, now);

    public static UserSession StartSecondFactor(byte[] tokenDigest, long userId, DateTime now) =>
        new(tokenDigest, userId, UserSessionKind.SecondFactor, now);

    public bool IsExpired(DateTime now) => now >= ExpiresAt;

    /// <summary>Slides a full session's idle expiry; returns whether anything changed worth saving.</summary>
    public bool Touch(DateTime now)
    {
        if (Kind != UserSessionKind.Full || now - LastUsedAt < TouchGranularity)
        {
            return false;
        }

        LastUsedAt = now;
        ExpiresAt = now + FullIdleLifetime;
        return true;
    }

    /// <summary>When the next code may be sent, as far as the once-a-minute rule goes; null before the first.</summary>
    public DateTime? NextCodeAllowedAt => CodeSentAt + ResendInterval;

    /// <summary>Why a new code cannot be sent now, or null when it can.</summary>
    public CodeSendRefusal? CanSendCode(DateTime now)
    {
        EnsureSecondFactor();
        if (SendCount >= MaxSends)
        {
            return CodeSendRefusal.SendLimitReached;
        }

        if (CodeSentAt is { } sentAt && now - sentAt < ResendInterval)
        {
            return CodeSendRefusal.TooSoon;
        }

        return null;
    }

    /// <summary>Records a newly sent code; the previous code is void from now on.</summary>
    public void IssueCode(byte[] codeDigest, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(codeDigest);
        if (CanSendCode(now) is { } refusal)
        {
            throw new InvalidOperationException($"A code cannot be sent now: {refusal}.");
        }

        CodeDigest = codeDigest;
        CodeExpiresAt = now + CodeLifetime;
        CodeSentAt = now;
        SendCount++;
        WrongAttemptsAtIssue = WrongAttempts;
        Version++;
    }

    /// <summary>Makes the current code unusable, e.g. when its email could not be sent.</summary>
    public void VoidCode()
    {
        CodeDigest = null;
        CodeExpiresAt = null;
        Version++;
    }

    /// <summary>
    /// Checks a candidate code digest. A match is single use; a miss counts against the session and the
    /// fifth miss since the code was issued voids it.
    /// </summary>
    public CodeCheck CheckCode(byte[] candidateDigest, DateTime now, Func<byte[], byte[], bool> digestsEqual)
    {
        ArgumentNullException.ThrowIfNull(candidateDigest);
        ArgumentNullException.ThrowIfNull(digestsEqual);
        EnsureSecondFactor();
        if (CodeDigest is null || CodeExpiresAt is null || now >= CodeExpiresAt || IsExpired(now))
        {
            return CodeCheck.NoUsableCode;
        }

        if (digestsEqual(CodeDigest, candidateDigest))
        {
            VoidCode();
            return CodeCheck.Accepted;
        }

        WrongAttempts++;
        Version++;
        if (WrongAttempts - WrongAttemptsAtIssue >= WrongCodesPerCode)
        {
            VoidCode();
        }

        return CodeCheck.Wrong;
    }

    private void EnsureSecondFactor()
    {
        if (Kind != UserSessionKind.SecondFactor)
        {
            throw new InvalidOperationException("Only a second-factor session carries a one-time code.");
        }
    }
}
