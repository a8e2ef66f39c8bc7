namespace Navixy.Panel.Domain.Security;

public enum SecondFactorEventKind
{
    /// <summary>A one-time code checked against a live code of one of the user's second-factor sessions.</summary>
    CodeChecked = 1,

    /// <summary>A one-time code handed to the mail delivery.</summary>
    CodeMailed = 2,
}
