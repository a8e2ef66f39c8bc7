namespace Navixy.Panel.Api.Health;

/// <summary>The <c>notifications</c> object of <c>/health</c>: batches not yet fully mailed, and the age of the oldest (null when none).</summary>
public sealed record OutboxHealth(int PendingBatches, long? OldestPendingSeconds);
