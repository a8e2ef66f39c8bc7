namespace Navixy.Panel.Domain.Users;

public enum LegalType
{
    Individual = 1,
    LegalEntity = 2,
    SoleTrader = 3,
}
