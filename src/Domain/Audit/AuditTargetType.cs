namespace Navixy.Panel.Domain.Audit;

public enum AuditTargetType
{
    All = 1,
    Selected = 2,
    Default = 3,
    User = 4,
}
