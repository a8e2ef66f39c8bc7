using System.Data.Common;
using Navixy.Panel.Infrastructure.Persistence;

namespace Navixy.Panel.Api.Health;

/// <summary>
/// One query of a health check, bounded to 5 seconds: a database fault or the timeout means no answer
/// (<c>Answered</c> false), never an exception out of <c>/health</c>.
/// </summary>
public static class DatabaseProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static async Task<(bool Answered, T Value)> TryAsync<T>(Func<CancellationToken, Task<T>> query, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            return (true, await query(timeout.Token));
        }
        catch (Exception ex) when (ex is DbException or OperationCanceledException || DatabaseFaults.Classify(ex) != DatabaseFault.None)
        {
            return (false, default!);
        }
    }
}
