namespace Navixy.Panel.Application.Notifications;

/// <summary>Which MFA changes are mailed to the users they concern (<c>Notifications:MfaChanges</c>).</summary>
public enum MfaChangeNotices
{
    Off,
    TurnedOff,
    All,
}
