namespace Navixy.Panel.Api.Health;

/// <summary>The <c>housekeeping</c> object of <c>/health</c>.</summary>
public sealed record HousekeepingHealth(string State, DateTime? LastRun, long Removed);
