namespace Navixy.Panel.Application.Common.Interfaces;

public sealed record EmailMessage(string To, string Subject, string TextBody);
