using Navixy.Panel.Application.Common.Interfaces;

namespace Navixy.Panel.Application.Common.Security;

/// <summary>
/// Runs the deliberately slow password hashing off the request threads, in two lanes with their own threads:
/// interactive work (a sign-in's verification, one user or account created) and bulk work (the background hashing
/// of an upload's passwords, at most <c>bulkWorkers</c> at once, at the lowest CPU priority). A sign-in never waits
/// behind an import, neither in a queue nor for a core, and an import never starves the thread pool that serves
/// every dealer's requests.
/// </summary>
public sealed class PasswordHashing : IDisposable
{
    private readonly IPasswordHasher _hasher;
    private readonly WorkerLane _interactive;
    private readonly WorkerLane _bulk;

    public PasswordHashing(IPasswordHasher hasher, int interactiveWorkers, int bulkWorkers)
    {
        _hasher = hasher;
        _interactive = new WorkerLane("Password hashing", interactiveWorkers);
        _bulk = new WorkerLane("Bulk password hashing", bulkWorkers, lowPriority: true);
    }

    /// <summary>
    /// Bulk lane width for this machine: every core. Its threads have the lowest CPU priority, so they use the cores
    /// only while nothing else wants them, and an import on an idle machine finishes as fast as the cores allow.
    /// </summary>
    public static int DefaultBulkWorkers => Environment.ProcessorCount;

    /// <summary>Interactive lane width: one per core and at least two, since each sign-in is a single short hash.</summary>
    public static int DefaultInteractiveWorkers => Math.Max(2, Environment.ProcessorCount);

    public int BulkWorkers => _bulk.Workers;

    /// <summary>Bulk hashes queued or running, e.g. while an upload's passwords are hashed in the background.</summary>
    public int BulkPending => _bulk.Pending;

    public Task<string> HashAsync(string password, CancellationToken cancellationToken) =>
        _interactive.Run(() => _hasher.Hash(password), cancellationToken);

    public Task<bool> VerifyAsync(string passwordHash, string password, CancellationToken cancellationToken) =>
        _interactive.Run(() => _hasher.Verify(passwordHash, password), cancellationToken);

    /// <summary>The same work as <see cref="VerifyAsync"/>, for an unknown login.</summary>
    public Task VerifyDummyAsync(string password, CancellationToken cancellationToken) =>
        _interactive.Run(() =>
        {
            _hasher.VerifyDummy(password);
            return true;
        }, cancellationToken);

    /// <summary>Runs password work in the interactive lane, e.g. a pending password's sign-in.</summary>
    internal Task<T> RunInteractive<T>(Func<T> work, CancellationToken cancellationToken) => _interactive.Run(work, cancellationToken);

    /// <summary>Runs password work in the bulk lane, e.g. the background hashing of imported passwords.</summary>
    internal Task<T> RunBulk<T>(Func<T> work, CancellationToken cancellationToken) => _bulk.Run(work, cancellationToken);

    public void Dispose()
    {
        _interactive.Dispose();
        _bulk.Dispose();
    }
}
