namespace Navixy.Panel.Api.Auth;

public static class NavixyClaims
{
    public const string Permission = "navixy:permission";
    public const string SessionKind = "navixy:session_kind";
    public const string AccountRole = "navixy:account_role";
    public const string PanelScheme = "NavixyPanel";
    public const string UserScheme = "NavixyUser";

    public const string FullSession = "full";
    public const string SecondFactorSession = "second_factor";

    public const string MasterUser = "master";
    public const string SubUser = "sub_user";
}
