namespace Navixy.Panel.Domain.Users;

/// <summary>Result of checking a one-time code against a second-factor session.</summary>
public enum CodeCheck
{
    Accepted,
    Wrong,
    NoUsableCode,
}
