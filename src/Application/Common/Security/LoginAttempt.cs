namespace Navixy.Panel.Application.Common.Security;

/// <summary>A login attempt that holds its place under the throttle until its password is checked.</summary>
public sealed record LoginAttempt(long FailureId);
