using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Navixy.Panel.Api.FunctionalTests.Support;
using Navixy.Panel.Api.Protocol;

namespace Navixy.Panel.Api.FunctionalTests.Features;

/// <summary>
/// A client that goes away before its answer is written (wrk closing its connections in the middle of a body):
/// the exception handler drops the answer without a failure of its own, and logs only what was a fault anyway.
/// The handler is called directly: over a socket, the moment between reading the cut-off body and writing the
/// answer cannot be hit on demand.
/// </summary>
public sealed class ClientGoneTests
{
    [Test]
    public async Task BodyCutOff_ByAClientThatHasGone_IsDroppedWithoutAnyLog()
    {
        var (handler, context, log) = Gone();

        var handled = await handler.TryHandleAsync(context, new BadHttpRequestException("Unexpected end of request content."), CancellationToken.None);

        Assert.That(handled, Is.True);
        Assert.That(log.Entries, Is.Empty);
    }

    [Test]
    public async Task Fault_WhileTheClientWentAway_IsLoggedOnce_AndNothingEscapes()
    {
        var (handler, context, log) = Gone();

        var handled = await handler.TryHandleAsync(context, new InvalidOperationException("a fault"), CancellationToken.None);

        Assert.That(handled, Is.True);
        Assert.That(log.Entries, Has.Count.EqualTo(1).And.All.StartWith("Error").And.All.Contain("Unexpected error"));
    }

    private static (NavixyExceptionHandler Handler, HttpContext Context, CapturedLog Log) Gone()
    {
        var log = new CapturedLog();
        var logger = LoggerFactory.Create(logging => logging.AddProvider(log)).CreateLogger<NavixyExceptionHandler>();
        using var gone = new CancellationTokenSource();
        gone.Cancel();
        var context = new DefaultHttpContext { RequestAborted = gone.Token };
        context.Response.Body = new MemoryStream();
        return (new NavixyExceptionHandler(logger), context, log);
    }
}
