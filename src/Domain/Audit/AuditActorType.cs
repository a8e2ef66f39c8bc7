namespace Navixy.Panel.Domain.Audit;

public enum AuditActorType
{
    System = 0,
    PanelAccount = 1,
    User = 2,
}
