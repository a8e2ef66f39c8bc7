using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Domain.Security;

namespace Navixy.Panel.Application.Housekeeping;

/// <summary>Failed logins that left the throttle's window and no longer count against any login.</summary>
public sealed class StaleLoginFailures(ILoginFailureRepository failures) : IHousekeepingStep
{
    public string Table => "login_failures";

    public Task<int> PurgeBatchAsync(DateTime now, int batchSize, CancellationToken cancellationToken) =>
        failures.DeleteOlderThanAsync(now - LoginFailure.Window, batchSize, cancellationToken);
}
