using System.Collections.Concurrent;

namespace Navixy.Panel.Application.Common.Security;

/// <summary>
/// A queue served by its own threads, outside the thread pool: CPU-heavy work queued here never holds a request
/// thread, and no more than <c>workers</c> items run at once. Callers await the item's task.
/// </summary>
internal sealed class WorkerLane : IDisposable
{
    private readonly BlockingCollection<Action> _queue = [];
    private int _pending;

    public WorkerLane(string name, int workers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        Workers = workers;
        for (var i = 0; i < workers; i++)
        {
            new Thread(Serve) { IsBackground = true, Name = $"{name} {i + 1}" }.Start();
        }
    }

    public int Workers { get; }

    /// <summary>Items queued or running.</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>Queues <paramref name="work"/>; an item whose token is cancelled before it starts is not run.</summary>
    public Task<T> Run<T>(Func<T> work, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Increment(ref _pending);
        _queue.Add(() =>
        {
            try
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    done.TrySetCanceled(cancellationToken);
                }
                else
                {
                    done.TrySetResult(work());
                }
            }
            catch (Exception ex)
            {
                done.TrySetException(ex);
            }
            finally
            {
                Interlocked.Decrement(ref _pending);
            }
        }, CancellationToken.None);
        return done.Task;
    }

    public void Dispose() => _queue.CompleteAdding();

    private void Serve()
    {
        foreach (var item in _queue.GetConsumingEnumerable())
        {
            item();
        }
    }
}
