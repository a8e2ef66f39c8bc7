using System.Collections.Concurrent;

namespace Navixy.Panel.Application.Common.Security;

/// <summary>
/// A queue served by its own threads, outside the thread pool: CPU-heavy work queued here never holds a request
/// thread, and no more than <c>workers</c> items run at once. Callers await the item's task.
/// </summary>
/// <remarks>
/// A <c>lowPriority</c> lane's threads run at the OS's lowest CPU priority (<see cref="LowCpuPriority"/>). On Linux a
/// thread inherits the priority of the thread that creates it, and completing a task may make the thread pool start a
/// worker right there; so such a lane hands every completion to a thread of normal priority, and no request is ever
/// served by a thread that inherited the lane's priority.
/// </remarks>
internal sealed class WorkerLane : IDisposable
{
    private readonly BlockingCollection<Action> _queue = [];
    /// <summary>Only a low-priority lane has it: its completions run on a thread of normal priority.</summary>
    private readonly BlockingCollection<Action>? _completions;
    private int _pending;

    public WorkerLane(string name, int workers, bool lowPriority = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        Workers = workers;
        if (lowPriority)
        {
            _completions = [];
            new Thread(() => Drain(_completions)) { IsBackground = true, Name = $"{name} completions" }.Start();
        }

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
            Action complete;
            try
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    complete = () => done.TrySetCanceled(cancellationToken);
                }
                else
                {
                    var result = work();
                    complete = () => done.TrySetResult(result);
                }
            }
            catch (Exception ex)
            {
                complete = () => done.TrySetException(ex);
            }
            finally
            {
                Interlocked.Decrement(ref _pending);
            }

            if (_completions is null || !HandedOver(complete))
            {
                complete();
            }
        }, CancellationToken.None);
        return done.Task;
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        _completions?.CompleteAdding();
    }

    /// <summary>False once the lane is disposed: the completion then runs on the lane's thread, as the last ones may.</summary>
    private bool HandedOver(Action complete)
    {
        try
        {
            _completions!.Add(complete, CancellationToken.None);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private void Serve()
    {
        if (_completions is not null)
        {
            LowCpuPriority.ApplyToCurrentThread();
        }

        Drain(_queue);
    }

    private static void Drain(BlockingCollection<Action> items)
    {
        foreach (var item in items.GetConsumingEnumerable())
        {
            item();
        }
    }
}
