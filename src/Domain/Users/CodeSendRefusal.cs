namespace Navixy.Panel.Domain.Users;

public enum CodeSendRefusal
{
    TooSoon,
    SendLimitReached,
}
