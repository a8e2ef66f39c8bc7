using Microsoft.Extensions.Configuration;
using Navixy.Panel.Application.Common.Configuration;
using Navixy.Panel.Domain.Notifications;

namespace Navixy.Panel.Application.Notifications;

/// <summary>Section <c>Notifications</c> of the configuration, checked at start.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";
    public const int DefaultMaxPerSecond = 20;

    public MfaChangeNotices MfaChanges { get; set; } = MfaChangeNotices.TurnedOff;

    public int MaxPerSecond { get; set; } = DefaultMaxPerSecond;

    /// <summary>
    /// How long a batch stays with the instance delivering it after its last message: another instance (or this one
    /// restarted) takes it over only once the lease ran out.
    /// </summary>
    public int LeaseSeconds { get; set; } = 60;

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);

    /// <summary>Whether a change of this kind is mailed.</summary>
    public bool Wants(MfaNoticeKind kind) => MfaChanges switch
    {
        MfaChangeNotices.All => true,
        MfaChangeNotices.TurnedOff => kind == MfaNoticeKind.TurnedOff,
        _ => false,
    };

    public sealed class Validator(IConfiguration configuration) : SettingsValidator<NotificationOptions>
    {
        protected override IEnumerable<string?> Checks(NotificationOptions options) =>
        [
            Setting.Named<MfaChangeNotices>(configuration, "Notifications:MfaChanges"),
            Setting.WholeNumber("Notifications:MaxPerSecond", options.MaxPerSecond, 1, 10_000, "messages a second"),
            Setting.WholeNumber("Notifications:LeaseSeconds", options.LeaseSeconds, 1, 3600, "seconds"),
        ];
    }
}
