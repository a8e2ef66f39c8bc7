namespace Navixy.Panel.Application.UserAuth;

/// <summary>A place a code check or code mail holds under the account's limits until its outcome is known.</summary>
public sealed record SecondFactorReservation(long EventId);
