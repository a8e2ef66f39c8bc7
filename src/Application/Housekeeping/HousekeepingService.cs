using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Navixy.Panel.Application.Housekeeping;

/// <summary>
/// Runs a <see cref="Housekeeper"/> pass at start and then every <see cref="HousekeepingOptions.Interval"/> on each
/// API instance. A failed pass (the database down, say) is logged and retried at the next tick.
/// </summary>
public sealed class HousekeepingService(Housekeeper housekeeper, IOptions<HousekeepingOptions> options, TimeProvider clock, ILogger<HousekeepingService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            logger.LogInformation("Housekeeping is off (Housekeeping:IntervalSeconds is 0)");
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        do
        {
            try
            {
                await housekeeper.RunAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Housekeeping pass failed, retried in {IntervalSeconds} s", options.Value.Interval.TotalSeconds);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
