using Navixy.Panel.Infrastructure.Persistence;

namespace Navixy.Panel.Api;

public static class Health
{
    /// <summary><c>/health</c>: 200 when the database answers, 503 when it does not.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", async (PanelDbContext db, CancellationToken cancellationToken) =>
        {
            bool reachable;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                reachable = await db.Database.CanConnectAsync(timeout.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException || DatabaseFaults.Classify(ex) != DatabaseFault.None)
            {
                reachable = false;
            }

            return Results.Json(
                new { status = reachable ? "healthy" : "unhealthy", database = reachable ? "reachable" : "unreachable" },
                statusCode: reachable ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }).ExcludeFromDescription();
        return endpoints;
    }
}
