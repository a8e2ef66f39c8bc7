using System.Diagnostics;
using MediatR;
using Microsoft.Extensions.Logging;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;

namespace Navixy.Panel.Application.Common.Behaviours;

/// <summary>
/// Logs each request's type, dealer, elapsed time and outcome. Never the payload: requests carry passwords,
/// one-time codes and session hashes.
/// </summary>
public sealed class RequestLoggingBehaviour<TRequest, TResponse>(ILogger<RequestLoggingBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var started = Stopwatch.GetTimestamp();
        var dealer = request is IDealerScoped scoped ? scoped.DealerId : (long?)null;
        try
        {
            var response = await next();
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug("{Request} for dealer {Dealer} succeeded in {Elapsed} ms", typeof(TRequest).Name, dealer, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            return response;
        }
        catch (NavixyException ex)
        {
            logger.LogInformation("{Request} for dealer {Dealer} refused with Navixy error {NavixyError} in {Elapsed} ms", typeof(TRequest).Name, dealer, (int)ex.Code, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("{Request} for dealer {Dealer} failed with {Exception} in {Elapsed} ms", typeof(TRequest).Name, dealer, ex.GetType().Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }
}
