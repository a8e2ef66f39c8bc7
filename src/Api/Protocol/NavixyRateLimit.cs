using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Navixy.Panel.Api.Auth;
using Navixy.Panel.Application.Common.Exceptions;

namespace Navixy.Panel.Api.Protocol;

/// <summary>
/// Navixy's API limit on <c>/v2</c>: <see cref="RateLimitOptions.PerSecond"/> requests per second per session hash,
/// and per client address for requests without a well-formed one; beyond it 15 (HTTP 429) with <c>Retry-After</c>.
/// Runs after <see cref="ProtocolMiddleware"/>, since the hash may be a body parameter.
/// </summary>
public static class NavixyRateLimit
{
    public static IServiceCollection AddNavixyRateLimit(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ProtocolOptions>>((options, protocol) =>
        {
            var perSecond = protocol.Value.RateLimit.PerSecond;
            if (perSecond == 0)
            {
                return;
            }

            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                ApiPath.Contains(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(PartitionOf(context), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = perSecond,
                        Window = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            options.OnRejected = (rejected, _) => new ValueTask(WriteRejectionAsync(rejected, perSecond));
        });
        return services;
    }

    /// <summary>The hash when a well-formed one is presented, else the client address (after trusted proxies).</summary>
    private static string PartitionOf(HttpContext context)
    {
        var hash = NavixyCredential.Find(context, out var wellFormed);
        return hash is not null && wellFormed ? "hash:" + hash : "ip:" + context.Connection.RemoteIpAddress;
    }

    private static Task WriteRejectionAsync(OnRejectedContext rejected, int perSecond)
    {
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var response = rejected.HttpContext.Response;
        RetryAfterHeader.Set(response, retryAfter);
        return NavixyEnvelope.WriteErrorAsync(rejected.HttpContext, ErrorCode.TooManyRequests, $"Too many requests: at most {perSecond} per second");
    }
}
