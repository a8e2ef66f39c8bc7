namespace Navixy.Panel.Application.Common.Interfaces;

public enum UserOrder
{
    Id,
    Login,
    LastName,
}
