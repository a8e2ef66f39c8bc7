namespace Navixy.Panel.Application.Notifications;

/// <summary>Batches not yet fully delivered, and when the oldest of them was recorded (null: none pending).</summary>
public sealed record OutboxBacklog(int PendingBatches, DateTime? OldestChangedAt);
