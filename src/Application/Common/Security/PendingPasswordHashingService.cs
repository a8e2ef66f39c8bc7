using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Navixy.Panel.Application.Common.Interfaces;

namespace Navixy.Panel.Application.Common.Security;

/// <summary>
/// Hashes pending imported passwords (<see cref="PendingPasswords"/>) in the bulk lane: a pass at start, so what a
/// restart or a kill interrupted is finished, one whenever an upload signals, and one a minute for uploads made on
/// other instances. Each user's hash replaces its sealed password in one conditional update, so a sign-in that
/// finished first is never overwritten and a kill at any moment leaves each user either pending or hashed.
/// </summary>
public sealed class PendingPasswordHashingService(
    IServiceScopeFactory scopes,
    PendingPasswords pendingPasswords,
    PasswordHashing passwordHashing,
    PendingPasswordSignal signal,
    ILogger<PendingPasswordHashingService> logger) : BackgroundService
{
    private static readonly TimeSpan Recheck = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await HashEveryPendingAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Hashing imported passwords failed, retried in {Seconds} s", Recheck.TotalSeconds);
            }

            await signal.WaitAsync(Recheck, stoppingToken);
        }
    }

    private async Task HashEveryPendingAsync(CancellationToken cancellationToken)
    {
        // A few per worker queued at a time: the lane stays busy and a stop waits for no more than one batch.
        var batchSize = passwordHashing.BulkWorkers * 4;
        var afterId = 0L;
        var hashed = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<IUserRepository>();
            var batch = await users.FindPendingPasswordsAsync(afterId, batchSize, cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            var hashes = await Task.WhenAll(batch.Select(p => pendingPasswords.HashAsync(p.SealedPassword, cancellationToken)));
            for (var i = 0; i < batch.Count; i++)
            {
                if (hashes[i] is { } hash)
                {
                    hashed += await users.CompletePendingPasswordAsync(batch[i].UserId, hash, cancellationToken) ? 1 : 0;
                }
                else
                {
                    logger.LogError("The imported password of user {UserId} cannot be opened with this server's key (was Security:CodeSecret changed?)", batch[i].UserId);
                }
            }

            afterId = batch[^1].UserId;
        }

        if (hashed > 0)
        {
            logger.LogInformation("Hashed {Count} imported passwords", hashed);
        }
    }
}
