using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Navixy.Panel.Application.Common.Caching;
using Npgsql;

namespace Navixy.Panel.Infrastructure.Persistence;

/// <summary>
/// PostgreSQL: listens on <see cref="Channel"/>, where every committed change of a dealer's MFA settings is announced
/// (<see cref="PostgresProvider.TakeDealerLockAsync"/>), and makes this instance's <see cref="DealerReadCache"/> forget the dealer. The cache
/// serves only while the listening connection is up and has heard its own probe notification: it is paused from the
/// start until then, and again whenever the connection fails, until it is back (retried after 1 s, doubling up to
/// 30 s).
/// </summary>
/// <remarks>
/// The connection is its own, outside the pool (a pooled connection would carry <c>LISTEN</c> to other work), with
/// a keepalive so a connection that died without a word is noticed within about ten seconds. Behind a pooler in
/// transaction mode (PgBouncer) the probe is not heard, so the cache never serves; set
/// <c>Database:ReadCacheSeconds=0</c> there to skip the retries.
/// </remarks>
internal sealed class DealerChangeListener(DatabaseOptions database, DealerReadCache cache, ILogger<DealerChangeListener> logger, TimeProvider clock)
    : BackgroundService
{
    public const string Channel = "navixy_panel_dealer_changes";

    /// <summary>Payloads of the instances' own probes, which carry no change.</summary>
    private const string ProbePrefix = "probe:";

    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ProbeWait = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!database.Provider.HasChangeListener || !cache.Enabled)
        {
            return;
        }

        var retry = FirstRetry;
        var listened = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ListenerConnectionString(database.ConnectionString));
                var probe = ProbePrefix + Guid.NewGuid().ToString("N");
                var probeHeard = false;
                connection.Notification += (_, e) =>
                {
                    if (e.Payload == probe)
                    {
                        probeHeard = true;
                    }
                    else
                    {
                        OnNotification(e.Payload);
                    }
                };
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}; SELECT pg_notify('{Channel}', '{probe}')", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // A connection hears its own notifications. Through a pooler in transaction mode the LISTEN and the
                // notification can land on different server connections and nothing is ever heard: serving then
                // would keep every read stale for the lifetime.
                var probeDeadline = clock.GetUtcNow() + ProbeWait;
                while (!probeHeard && clock.GetUtcNow() < probeDeadline)
                {
                    // In milliseconds, at least 1: Npgsql reads a timeout of 0 as "wait forever".
                    await connection.WaitAsync(Math.Max(1, (int)Math.Ceiling((probeDeadline - clock.GetUtcNow()).TotalMilliseconds)), stoppingToken);
                }

                if (!probeHeard)
                {
                    throw new InvalidOperationException(
                        $"LISTEN succeeded but its own notification did not arrive within {ProbeWait.TotalSeconds:F0} s (a pooler in transaction mode?)");
                }

                // From here every committed change is heard; what changed before is not in the (emptied) cache.
                cache.Resume();
                logger.LogInformation(
                    listened
                        ? "Dealer change notifications are back; the read cache serves again"
                        : "Dealer change notifications are listened to; the read cache serves");
                listened = true;
                retry = FirstRetry;
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                cache.Pause();
                logger.LogWarning(
                    "Dealer change notifications are unavailable, the read cache is paused; retrying in {Seconds} s: {Reason}",
                    retry.TotalSeconds,
                    ex.GetBaseException().Message);
            }

            try
            {
                await Task.Delay(retry, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LongestRetry.Ticks));
        }

        cache.Pause();
    }

    private void OnNotification(string payload)
    {
        if (long.TryParse(payload, NumberStyles.None, CultureInfo.InvariantCulture, out var dealerId))
        {
            cache.Forget(dealerId);
        }
        else if (!payload.StartsWith(ProbePrefix, StringComparison.Ordinal))
        {
            // Someone else's payload on this channel: forgetting everything is always safe.
            cache.ForgetAll();
        }
    }

    internal static string ListenerConnectionString(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Multiplexing = false, KeepAlive = 5 };
        builder.ApplicationName ??= "navixy-panel-listener";
        return builder.ConnectionString;
    }
}
