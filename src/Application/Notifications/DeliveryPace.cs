namespace Navixy.Panel.Application.Notifications;

/// <summary>
/// Spaces messages at most <c>perSecond</c> apart on average: each one waits for its slot, so any stretch of t seconds
/// carries at most 1 + perSecond × t of them. A slot missed while waiting (a slow send, a retry) is not made up later.
/// </summary>
public sealed class DeliveryPace(int perSecond, TimeProvider clock)
{
    private readonly TimeSpan _interval = TimeSpan.FromSeconds(1.0 / perSecond);
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        // A loop, not one delay: a timer may fire a little early, and the slot is a floor.
        var now = clock.GetUtcNow();
        while (now < _next)
        {
            await Task.Delay(_next - now, clock, cancellationToken);
            now = clock.GetUtcNow();
        }

        _next = (_next == DateTimeOffset.MinValue || now - _next > _interval ? now : _next) + _interval;
    }
}
