using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace Navixy.Panel.Api.FunctionalTests.Support;

/// <summary>
/// The service as a real process (the built src/Api executable on a loopback port), for tests that kill it.
/// </summary>
public sealed class ApiProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ApiProcess(Process process, int port)
    {
        _process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri BaseAddress { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>What the service printed on its standard output so far, one entry a line.</summary>
    public IReadOnlyCollection<string> Output => _output;

    /// <summary>Starts the service with the configuration arguments and waits until <c>/health</c> answers 200.</summary>
    public static async Task<ApiProcess> StartAsync(IEnumerable<string> configuration)
    {
        var port = Ports.Free();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(ApiAssembly());
        start.ArgumentList.Add($"--urls=http://127.0.0.1:{port}");
        // The suites send many requests quickly from one address; the rate limit has its own tests.
        start.ArgumentList.Add("--Protocol:RateLimit:PerSecond=0");
        foreach (var argument in configuration)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start)!;
        var api = new ApiProcess(process, port);
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                api._output.Enqueue(line.Data);
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            Assert.That(process.HasExited, Is.False, "the service exited during start-up");
            try
            {
                using var health = await client.GetAsync("health");
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return api;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        api.Dispose();
        throw new TimeoutException("the service did not become healthy within 60 s");
    }

    /// <summary>Runs the executable with the arguments to its end (a management command, or a start that stops).</summary>
    public static async Task<(int Exit, string Output, string Error)> RunToExitAsync(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(ApiAssembly());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the process did not exit within 60 s");
        }

        return (process.ExitCode, await output, await error);
    }

    /// <summary>SIGKILL: no shutdown, no flush, no rollback by the process itself.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    /// <summary>src/Api/bin/&lt;configuration&gt;/net10.0/Navixy.Panel.Api.dll, built with the tests.</summary>
    private static string ApiAssembly()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = testOutput.Parent!.Name;
        var path = Path.Combine(RepositoryRoot(), "src", "Api", "bin", configuration, testOutput.Name, "Navixy.Panel.Api.dll");
        Assert.That(File.Exists(path), Is.True, path);
        return path;
    }

    /// <summary>The folder holding Navixy.Panel.sln, above the test output.</summary>
    public static string RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Navixy.Panel.sln")))
        {
            root = root.Parent;
        }

        Assert.That(root, Is.Not.Null, "repository root not found");
        return root!.FullName;
    }

}
