namespace Navixy.Panel.Domain.Audit;

/// <summary>The names of the security log's actions, as <c>panel/audit/list</c> shows them and filters by them.</summary>
public static class AuditActions
{
    public const string MfaDefaultUpdate = "mfa.default.update";
    public const string MfaUpdate = "mfa.update";
    public const string UserCreate = "user.create";
    public const string UserUpload = "user.upload";
    public const string SubUserRegister = "subuser.register";
    public const string PanelAuth = "panel.auth";
    public const string PanelAuthFailed = "panel.auth.failed";
    public const string UserAuthCodeSent = "user.auth.code_sent";
    public const string UserAuthCodeVerified = "user.auth.code_verified";
    public const string UserAuthCodeWrong = "user.auth.code_wrong";
    public const string UserAuthCodeVoided = "user.auth.code_voided";

    /// <summary>A notification batch delivered, recorded by the sender rather than a request: <c>affected</c> is the number of messages sent.</summary>
    public const string MfaNoticesTurnedOff = "mfa.notices.turned_off";
    public const string MfaNoticesTurnedOn = "mfa.notices.turned_on";

    /// <summary>Longest name a stored action may have.</summary>
    public const int MaxLength = 40;

    public static IReadOnlyList<string> All { get; } =
    [
        MfaDefaultUpdate, MfaUpdate, UserCreate, UserUpload, SubUserRegister, PanelAuth, PanelAuthFailed,
        UserAuthCodeSent, UserAuthCodeVerified, UserAuthCodeWrong, UserAuthCodeVoided, MfaNoticesTurnedOff, MfaNoticesTurnedOn,
    ];
}
