namespace Navixy.Panel.Application.Common;

/// <summary>Times on the wire: UTC to the second, as Navixy writes them (<c>creation_date</c>).</summary>
public static class NavixyTime
{
    public const string Format = "yyyy-MM-dd HH:mm:ss";
}
