namespace Navixy.Panel.Domain.Security;

/// <summary>Where a failed login happened; each scope keeps its own throttle.</summary>
public enum LoginScope
{
    Panel = 1,
    User = 2,
}
