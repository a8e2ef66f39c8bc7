namespace Navixy.Panel.Application.Common.Security;

/// <summary>Wakes <see cref="PendingPasswordHashingService"/> when an upload of this instance committed pending passwords.</summary>
public sealed class PendingPasswordSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another upload woke it first: one pass serves both.
            }
        }
    }

    /// <summary>Waits for a notification or the <paramref name="timeout"/>, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
