using Navixy.Panel.Domain.Notifications;

namespace Navixy.Panel.Application.Notifications;

/// <summary>
/// What the users' MFA UPDATE also writes: the batch id into the notice column of <paramref name="Kind"/>, on exactly
/// the non-demo master users whose effective setting it changes. <paramref name="DefaultAllowed"/> is the dealer
/// default's, read under the dealer's lock, which decides the effective setting of users without their own.
/// </summary>
public sealed record MfaNoticeMark(long BatchId, MfaNoticeKind Kind, bool DefaultAllowed);
