using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Infrastructure.Persistence;

namespace Navixy.Panel.Api.Protocol;

/// <summary>
/// Every exception ends here and leaves as a Navixy error envelope: the client's mistakes with their codes, a
/// database that is down as 14, anything unexpected as 6 with a trace id in the log and nothing leaked.
/// </summary>
public sealed class NavixyExceptionHandler(ILogger<NavixyExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        try
        {
            await AnswerAsync(httpContext, exception);
        }
        catch (OperationCanceledException) when (httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away while its answer was written (a connection closed in the middle of its body): a
            // fault is logged before its answer, and there is nobody left to tell.
        }

        return true;
    }

    private async Task AnswerAsync(HttpContext httpContext, Exception exception)
    {
        switch (exception)
        {
            case ValidationException invalid:
                await NavixyEnvelope.WriteErrorAsync(httpContext, invalid.Code, null, invalid.Errors, invalid.RowNumber);
                return;
            case NavixyException navixy:
                if (navixy.RetryAfter is { } wait)
                {
                    // Whole seconds, rounded up and at least one, so a client that waits as told is not refused again.
                    RetryAfterHeader.Set(httpContext.Response, wait);
                }

                await NavixyEnvelope.WriteErrorAsync(httpContext, navixy.Code, navixy.Message, rowNumber: navixy.RowNumber);
                return;
            case BadHttpRequestException bad:
                var code = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? ErrorCode.TooLargeRequest : ErrorCode.WrongRequestFormat;
                await NavixyEnvelope.WriteErrorAsync(httpContext, code);
                return;
            case OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested:
                // The client went away; nobody is left to read an answer.
                return;
        }

        var traceId = Activity.Current?.Id ?? httpContext.TraceIdentifier;
        switch (DatabaseFaults.Classify(exception))
        {
            // A deadlock that reaches here was not retried (outside a transaction unit): the client may try again.
            case DatabaseFault.Unavailable or DatabaseFault.Retry:
                logger.LogWarning("Database unavailable (trace {TraceId}): {Message}", traceId, exception.GetBaseException().Message);
                await NavixyEnvelope.WriteErrorAsync(httpContext, ErrorCode.DatabaseUnavailable);
                return;
            case DatabaseFault.Error or DatabaseFault.UniqueViolation:
                logger.LogError(exception, "Database error (trace {TraceId})", traceId);
                await NavixyEnvelope.WriteErrorAsync(httpContext, ErrorCode.DatabaseError, $"Database error (trace {traceId})");
                return;
            default:
                logger.LogError(exception, "Unexpected error (trace {TraceId})", traceId);
                await NavixyEnvelope.WriteErrorAsync(httpContext, ErrorCode.UnexpectedError, $"Unexpected error (trace {traceId})");
                return;
        }
    }
}
