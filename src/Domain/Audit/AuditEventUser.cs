namespace Navixy.Panel.Domain.Audit;

/// <summary>
/// A user an audit event concerns, kept beside the event so that one user's events among millions are an index range:
/// the selected ids, a user target, a user actor's account, or <see cref="EveryUser"/> for the dealer-wide targets.
/// </summary>
public sealed class AuditEventUser
{
    /// <summary>Stands for every user of the dealer (user ids are positive).</summary>
    public const long EveryUser = 0;

    private AuditEventUser()
    {
    }

    public AuditEventUser(long dealerId, long userId)
    {
        DealerId = dealerId;
        UserId = userId;
    }

    public long DealerId { get; private set; }

    public long UserId { get; private set; }

    public long EventId { get; private set; }
}
