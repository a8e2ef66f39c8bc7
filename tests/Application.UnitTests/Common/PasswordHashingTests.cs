using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Application.Common.Security;

namespace Navixy.Panel.Application.UnitTests.Common;

public sealed class PasswordHashingTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    /// <summary>Many hashes in the bulk lane, as the background hashing of imported passwords queues them.</summary>
    private static Task<string[]> Bulk(PasswordHashing hashing, IPasswordHasher hasher, string[] passwords, CancellationToken cancellationToken) =>
        Task.WhenAll(passwords.Select(p => hashing.RunBulk(() => hasher.Hash(p), cancellationToken)));

    [Test]
    public async Task BulkLane_NeverRunsMoreThanItsBound_AndKeepsTheOrder()
    {
        var hasher = new GatedHasher();
        using var hashing = new PasswordHashing(hasher, interactiveWorkers: 1, bulkWorkers: 3);
        var passwords = Enumerable.Range(0, 12).Select(i => $"bulk{i}").ToArray();

        var hashes = Bulk(hashing, hasher, passwords, CancellationToken.None);
        Assert.That(SpinWait.SpinUntil(() => hasher.Running == 3, Generous), Is.True, "the bound's worth starts");
        for (var i = 0; i < passwords.Length; i++)
        {
            hasher.ReleaseOne();
        }

        Assert.That(await hashes.WaitAsync(Generous), Is.EqualTo(passwords.Select(p => "hashed:" + p)));
        Assert.That(hasher.MostAtOnce, Is.EqualTo(3));
    }

    [Test]
    public async Task BulkLane_RunsAtTheLowestCpuPriority_InteractiveAtTheProcesses()
    {
        Assume.That(OperatingSystem.IsLinux(), "the nice value is read from /proc");
        using var hashing = new PasswordHashing(new GatedHasher(), interactiveWorkers: 1, bulkWorkers: 1);

        var bulk = await hashing.RunBulk(NiceOfThisThread, CancellationToken.None).WaitAsync(Generous);
        var interactive = await hashing.RunInteractive(NiceOfThisThread, CancellationToken.None).WaitAsync(Generous);

        Assert.That(bulk, Is.EqualTo(19));
        Assert.That(interactive, Is.EqualTo(NiceOfThisThread()), "the interactive lane keeps the priority it was started with");
    }

    [Test]
    public async Task BulkLane_CompletesOnANormalThread_SoNoPoolThreadInheritsItsPriority()
    {
        Assume.That(OperatingSystem.IsLinux(), "the nice values are read from /proc");
        using var hashing = new PasswordHashing(new GatedHasher(), interactiveWorkers: 1, bulkWorkers: 2);

        // Continuations that block their pool thread, so the pool starts new workers while the bulk lane completes
        // tasks: on Linux a new thread takes the priority of the thread that starts it.
        await Task.WhenAll(Enumerable.Range(0, 64).Select(async i =>
        {
            await hashing.RunBulk(() => i, CancellationToken.None);
            Thread.Sleep(20);
        })).WaitAsync(Generous);

        var lowered = Directory.GetDirectories("/proc/self/task")
            .Select(task => (Name: File.ReadAllText(Path.Combine(task, "comm")).Trim(), Stat: File.ReadAllText(Path.Combine(task, "stat"))))
            .Where(t => int.Parse(t.Stat.Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[16], System.Globalization.CultureInfo.InvariantCulture) == 19)
            .Select(t => t.Name)
            .ToList();
        // Other tests' lanes may still be winding down: every thread at the lowest priority is a bulk lane's.
        Assert.That(lowered, Has.Count.GreaterThanOrEqualTo(2).And.All.StartsWith("Bulk password"), string.Join(", ", lowered));
    }

    /// <summary>Field 19 of /proc/thread-self/stat, the calling thread's nice value (fields counted from after the name).</summary>
    private static int NiceOfThisThread() =>
        int.Parse(File.ReadAllText("/proc/thread-self/stat").Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[16], System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public async Task Interactive_IsNotQueuedBehindBulk()
    {
        var hasher = new GatedHasher();
        using var hashing = new PasswordHashing(hasher, interactiveWorkers: 1, bulkWorkers: 1);
        var bulk = Bulk(hashing, hasher, ["bulk1", "bulk2", "bulk3"], CancellationToken.None);
        Assert.That(SpinWait.SpinUntil(() => hasher.Running == 1, Generous), Is.True);

        var verified = await hashing.VerifyAsync("hashed:sign-in", "sign-in", CancellationToken.None).WaitAsync(Generous);
        var created = await hashing.HashAsync("sign-in", CancellationToken.None).WaitAsync(Generous);

        Assert.That((verified, created, bulk.IsCompleted), Is.EqualTo((true, "hashed:sign-in", false)), "done while every bulk worker is busy");
        for (var i = 0; i < 3; i++)
        {
            hasher.ReleaseOne();
        }

        await bulk.WaitAsync(Generous);
    }

    [Test]
    public void BulkLane_WhenCancelledBeforeItsTurn_DoesNotRunTheRest()
    {
        var hasher = new GatedHasher();
        using var hashing = new PasswordHashing(hasher, interactiveWorkers: 1, bulkWorkers: 1);
        using var cancel = new CancellationTokenSource();
        var bulk = Bulk(hashing, hasher, ["bulk1", "bulk2", "bulk3"], cancel.Token);
        Assert.That(SpinWait.SpinUntil(() => hasher.Running == 1, Generous), Is.True);

        cancel.Cancel();
        hasher.ReleaseOne();

        Assert.CatchAsync<OperationCanceledException>(() => bulk.WaitAsync(Generous));
        Assert.That(hasher.Started, Is.EqualTo(1));
    }

    /// <summary>Bulk passwords (<c>bulk…</c>) wait for the test to release them; others hash at once.</summary>
    private sealed class GatedHasher : IPasswordHasher
    {
        private readonly SemaphoreSlim _gate = new(0);
        private int _running;
        private int _mostAtOnce;
        private int _started;

        public int Running => Volatile.Read(ref _running);

        public int MostAtOnce => Volatile.Read(ref _mostAtOnce);

        public int Started => Volatile.Read(ref _started);

        public void ReleaseOne() => _gate.Release();

        public string Hash(string password)
        {
            if (password.StartsWith("bulk", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _started);
                var now = Interlocked.Increment(ref _running);
                InterlockedMax(ref _mostAtOnce, now);
                _gate.Wait();
                Interlocked.Decrement(ref _running);
            }

            return "hashed:" + password;
        }

        public bool Verify(string passwordHash, string password) => passwordHash == Hash(password);

        public void VerifyDummy(string password) => Hash(password);

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }
}
