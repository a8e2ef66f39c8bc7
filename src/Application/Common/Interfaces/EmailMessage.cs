namespace Navixy.Panel.Application.Common.Interfaces;

/// <summary>One message to one address: plain text, and an HTML alternative when <paramref name="HtmlBody"/> is given.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null);
