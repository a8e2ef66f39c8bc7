namespace Navixy.Panel.Application.Notifications;

/// <summary>One login a notice goes to: the master user itself (<c>UserId == MasterId</c>) or one of its sub-users.</summary>
public sealed record NoticeRecipient(long MasterId, long UserId, string Login);
