using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Domain.Audit;
using Navixy.Panel.Domain.Mfa;
using Navixy.Panel.Domain.Users;

namespace Navixy.Panel.Application.Audit;

/// <summary>
/// The one way a handler records a security-log event: staged in the unit of work, so it is written by the same save
/// (and inside the same transaction) as the change it describes, or not at all. The actor defaults to the request's
/// panel account; the client address always comes from the request.
/// </summary>
public sealed class AuditTrail(IAuditEventRepository events, IRequestOrigin origin, TimeProvider clock)
{
    public void Record(
        string action,
        long? dealerId,
        AuditTarget? target = null,
        MfaSettings? before = null,
        MfaSettings? after = null,
        int? affected = null,
        AuditActor? actor = null) =>
        events.Add(new AuditEvent(dealerId, clock.GetUtcNow().UtcDateTime, action, actor ?? origin.Actor, origin.ClientIp, target, before, after, affected));

    /// <summary>A step of <paramref name="user"/>'s own sign-in (the <c>user.auth.code_*</c> actions): the user acts on itself.</summary>
    public void RecordSignIn(string action, User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        Record(action, user.DealerId, AuditTarget.User(user.Id), actor: AuditActor.ForUser(user));
    }
}
