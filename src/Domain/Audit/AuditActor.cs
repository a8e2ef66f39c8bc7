using Navixy.Panel.Domain.Users;

namespace Navixy.Panel.Domain.Audit;

/// <summary>
/// Who did what an event records: a panel account, an end user or the system, with the id and login it had then.
/// <see cref="AccountId"/> is the master user a user actor belongs to: the event concerns that account.
/// </summary>
public sealed record AuditActor(AuditActorType Type, long? Id, string? Login)
{
    public const int MaxLoginLength = 254;

    public static AuditActor System { get; } = new(AuditActorType.System, null, null);

    public long? AccountId { get; private init; }

    public static AuditActor PanelAccount(long? id, string login) => new(AuditActorType.PanelAccount, id, Clip(login));

    public static AuditActor ForUser(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new AuditActor(AuditActorType.User, user.Id, user.Login) { AccountId = user.MasterId ?? user.Id };
    }

    // A failed sign-in records the login as typed; the column holds no more than a login can be.
    private static string Clip(string login) => login.Length > MaxLoginLength ? login[..MaxLoginLength] : login;
}
