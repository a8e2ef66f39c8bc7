using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Navixy.Panel.Application.Audit;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Domain.Audit;
using Navixy.Panel.Domain.Notifications;

namespace Navixy.Panel.Application.Notifications;

/// <summary>
/// Delivers the notification batches, oldest first, one instance at a time (a lease on the batch), at most
/// <c>Notifications:MaxPerSecond</c>, a page of recipients in memory at a time. The cursor moves after each message,
/// so a restart or a kill resumes after the last one handed over: at least once, a duplicate only for the message in
/// flight. A failed send is retried with a growing back-off, for ever; an address the server refuses for good is
/// logged and passed. See docs/decisions.md, "Change notifications".
/// </summary>
public sealed class NotificationSender(
    IServiceScopeFactory scopes,
    IEmailSender email,
    IOptions<NotificationOptions> options,
    TimeProvider clock,
    ILogger<NotificationSender> logger) : BackgroundService
{
    private const int PageSize = 100;
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    // Unique per process: a restarted instance waits for its old lease to run out like any other instance would.
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pace = new DeliveryPace(options.Value.MaxPerSecond, clock);
        while (!stoppingToken.IsCancellationRequested)
        {
            bool worked;
            try
            {
                worked = await DeliverNextBatchAsync(pace, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database down, say: the batch stays pending and its lease runs out.
                logger.LogWarning(ex, "Notification delivery interrupted, resumed in {Seconds} s", IdlePoll.TotalSeconds);
                worked = false;
            }

            if (!worked)
            {
                await Task.Delay(IdlePoll, clock, stoppingToken);
            }
        }
    }

    /// <summary>False when there was nothing to do (no batch due, or another instance has it).</summary>
    private async Task<bool> DeliverNextBatchAsync(DeliveryPace pace, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<INotificationOutbox>();
        var batch = await outbox.ClaimNextAsync(_owner, clock.GetUtcNow().UtcDateTime, options.Value.Lease, cancellationToken);
        if (batch is null)
        {
            return false;
        }

        var attempts = batch.Attempts;
        var delivered = batch.Delivered;
        var (cursorMasterId, cursorUserId) = (batch.CursorMasterId, batch.CursorUserId);
        while (true)
        {
            var recipients = await outbox.RecipientsAfterAsync(batch, cursorMasterId, cursorUserId, PageSize, cancellationToken);
            if (recipients.Count == 0)
            {
                if (await CompleteAsync(scope.ServiceProvider, batch, delivered, cancellationToken))
                {
                    logger.LogInformation("Notification batch {BatchId} ({Kind}) of dealer {DealerId} delivered: {Count} messages", batch.Id, batch.Kind, batch.DealerId, delivered);
                }

                return true;
            }

            foreach (var recipient in recipients)
            {
                var outcome = await SendAsync(batch, recipient, pace, cancellationToken);
                if (outcome == Outcome.Retry)
                {
                    attempts++;
                    var backoff = Backoff(attempts);
                    logger.LogWarning("Notification batch {BatchId}: attempt {Attempt} failed, retried in {Seconds} s", batch.Id, attempts, backoff.TotalSeconds);
                    await outbox.PostponeAsync(batch.Id, _owner, attempts, clock.GetUtcNow().UtcDateTime + backoff, cancellationToken);
                    return true;
                }

                attempts = 0;
                delivered += outcome == Outcome.Delivered ? 1 : 0;
                var leaseUntil = clock.GetUtcNow().UtcDateTime + options.Value.Lease;
                if (!await outbox.AdvanceAsync(batch.Id, _owner, recipient, outcome == Outcome.Delivered, leaseUntil, cancellationToken))
                {
                    logger.LogWarning("Notification batch {BatchId}: the lease passed to another instance, which carries on", batch.Id);
                    return true;
                }

                (cursorMasterId, cursorUserId) = (recipient.MasterId, recipient.UserId);
            }
        }
    }

    /// <summary>Marks the batch done and records it in the security log, in one transaction: both or neither.</summary>
    private async Task<bool> CompleteAsync(IServiceProvider services, NotificationBatch batch, int delivered, CancellationToken cancellationToken)
    {
        var outbox = services.GetRequiredService<INotificationOutbox>();
        var audit = services.GetRequiredService<AuditTrail>();
        return await services.GetRequiredService<IUnitOfWork>().InTransactionAsync(async ct =>
        {
            if (!await outbox.CompleteAsync(batch.Id, _owner, clock.GetUtcNow().UtcDateTime, ct))
            {
                return false;
            }

            var action = batch.Kind == MfaNoticeKind.TurnedOff ? AuditActions.MfaNoticesTurnedOff : AuditActions.MfaNoticesTurnedOn;
            audit.Record(action, batch.DealerId, affected: delivered, actor: AuditActor.System);
            return true;
        }, cancellationToken);
    }

    private async Task<Outcome> SendAsync(NotificationBatch batch, NoticeRecipient recipient, DeliveryPace pace, CancellationToken cancellationToken)
    {
        await pace.WaitAsync(cancellationToken);
        try
        {
            await email.SendAsync(MfaNoticeTexts.Compose(batch.Kind, batch.ChangedAt, recipient.Login), cancellationToken);
            return Outcome.Delivered;
        }
        catch (EmailDeliveryException ex) when (ex.Permanent)
        {
            // The reason only: the exception's message names the server's answer, never the message.
            logger.LogWarning("Notification batch {BatchId}: user {UserId} passed over, the address is refused for good: {Reason}", batch.Id, recipient.UserId, ex.Message);
            return Outcome.PassedOver;
        }
        catch (EmailDeliveryException ex)
        {
            logger.LogWarning("Notification batch {BatchId}: delivery to user {UserId} failed: {Reason}", batch.Id, recipient.UserId, ex.Message);
            return Outcome.Retry;
        }
    }

    // 1, 2, 4 ... seconds, at most five minutes: a mail server that is back is used soon, one that stays down is not hammered.
    private static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Min(attempts - 1, 16))));

    private enum Outcome
    {
        Delivered,
        PassedOver,
        Retry,
    }
}
