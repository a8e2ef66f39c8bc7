using Navixy.Panel.Domain.Mfa;

namespace Navixy.Panel.Domain.Audit;

/// <summary>
/// One entry of the security log: who did what, when, from where, to whom, and the MFA settings before and after.
/// Append-only: written with the change it describes, in the same transaction, and removed only by retention.
/// </summary>
public sealed class AuditEvent
{
    /// <summary>Longest client address stored: an IPv6 address in text.</summary>
    public const int MaxIpLength = 45;

    private readonly List<AuditEventUser> _users = [];

    private AuditEvent()
    {
        Action = string.Empty;
    }

    public AuditEvent(
        long? dealerId,
        DateTime occurredAt,
        string action,
        AuditActor actor,
        string? ip,
        AuditTarget? target,
        MfaSettings? before,
        MfaSettings? after,
        int? affected)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!AuditActions.All.Contains(action))
        {
            throw new ArgumentException($"Unknown audit action '{action}'.", nameof(action));
        }

        DealerId = dealerId;
        OccurredAt = occurredAt;
        Action = action;
        ActorType = actor.Type;
        ActorId = actor.Id;
        ActorLogin = actor.Login;
        Ip = ip is { Length: > MaxIpLength } ? ip[..MaxIpLength] : ip;
        TargetType = target?.Type;
        TargetIds = target?.IdsToStorage();
        BeforeMfaAllowed = before?.IsAllowed;
        BeforeMfaFactorTypes = before?.FactorTypes ?? MfaFactorTypes.None;
        AfterMfaAllowed = after?.IsAllowed;
        AfterMfaFactorTypes = after?.FactorTypes ?? MfaFactorTypes.None;
        Affected = affected;

        // The users the event concerns, for panel/audit/list's user_id: 0 stands for every user of the dealer.
        if (dealerId is { } dealer)
        {
            IEnumerable<long> concerned = target is { IsDealerWide: true }
                ? [AuditEventUser.EveryUser]
                : (target?.Ids ?? []).Concat(actor.AccountId is { } account ? [account] : []);
            _users.AddRange(concerned.Distinct().Select(userId => new AuditEventUser(dealer, userId)));
        }
    }

    public long Id { get; private set; }

    /// <summary>The dealer whose log holds the event; null for a failed panel sign-in with an unknown login.</summary>
    public long? DealerId { get; private set; }

    public DateTime OccurredAt { get; private set; }

    public string Action { get; private set; }

    public AuditActorType ActorType { get; private set; }

    public long? ActorId { get; private set; }

    public string? ActorLogin { get; private set; }

    public string? Ip { get; private set; }

    public AuditTargetType? TargetType { get; private set; }

    public string? TargetIds { get; private set; }

    public bool? BeforeMfaAllowed { get; private set; }

    public MfaFactorTypes BeforeMfaFactorTypes { get; private set; }

    public bool? AfterMfaAllowed { get; private set; }

    public MfaFactorTypes AfterMfaFactorTypes { get; private set; }

    /// <summary>Users the change applied to; null for an event that changes no user's setting.</summary>
    public int? Affected { get; private set; }

    public IReadOnlyCollection<AuditEventUser> Users => _users;

    public AuditActor Actor => new(ActorType, ActorId, ActorLogin);

    public AuditTarget? Target => TargetType is { } type ? AuditTarget.FromStorage(type, TargetIds) : null;

    public MfaSettings? Before => MfaSettings.FromStorage(BeforeMfaAllowed, BeforeMfaFactorTypes);

    public MfaSettings? After => MfaSettings.FromStorage(AfterMfaAllowed, AfterMfaFactorTypes);
}
