using Microsoft.Extensions.Configuration;
using Navixy.Panel.Application.Common.Configuration;
using Navixy.Panel.Domain.Notifications;

namespace Navixy.Panel.Application.Notifications;

/// <summary>Which MFA changes are mailed to the users they concern (<c>Notifications:MfaChanges</c>).</summary>
public enum MfaChangeNotices
{
    Off,
    TurnedOff,
    All,
}

/// <summary>Section <c>Notifications</c> of the configuration, checked at start.</summary>
public sealed record NotificationOptions(MfaChangeNotices MfaChanges, int MaxPerSecond, TimeSpan Lease)
{
    public const int DefaultMaxPerSecond = 20;

    public static NotificationOptions Read(IConfiguration configuration) => new(
        Setting.Choice(configuration, "Notifications:MfaChanges", MfaChangeNotices.TurnedOff),
        (int)Setting.WholeNumber(configuration, "Notifications:MaxPerSecond", DefaultMaxPerSecond, 1, 10_000, "messages a second"),
        // How long a batch stays with the instance delivering it after its last message: another instance (or this
        // one restarted) takes it over only once the lease ran out.
        TimeSpan.FromSeconds(Setting.WholeNumber(configuration, "Notifications:LeaseSeconds", 60, 1, 3600, "seconds")));

    /// <summary>Whether a change of this kind is mailed.</summary>
    public bool Wants(MfaNoticeKind kind) => MfaChanges switch
    {
        MfaChangeNotices.All => true,
        MfaChangeNotices.TurnedOff => kind == MfaNoticeKind.TurnedOff,
        _ => false,
    };
}
