using System.Runtime.InteropServices;

namespace Navixy.Panel.Application.Common.Security;

/// <summary>
/// Lowers the calling thread's CPU priority as far as the OS allows, so it runs only on what the other threads leave:
/// the background hashing of an import then never takes a core a sign-in is waiting for. <see cref="Thread.Priority"/>
/// does nothing on Linux (dotnet/runtime#91165); there a thread's own nice value is its priority, set with
/// <c>setpriority(PRIO_PROCESS, 0, 19)</c> from the thread itself, which needs no privilege.
/// </summary>
internal static class LowCpuPriority
{
    private const int PrioProcess = 0;
    private const int Lowest = 19;

    public static void ApplyToCurrentThread()
    {
        if (OperatingSystem.IsLinux())
        {
            // Best effort: a refusal (a sandbox without the call) leaves the thread at normal priority.
            _ = SetPriority(PrioProcess, 0, Lowest);
        }
        else
        {
            Thread.CurrentThread.Priority = ThreadPriority.Lowest;
        }
    }

    // DllImport rather than LibraryImport, whose generated code needs unsafe blocks; the signature is blittable.
    [DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, uint who, int priority);
}
