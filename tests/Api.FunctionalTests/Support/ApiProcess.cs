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
    public static Task<ApiProcess> StartAsync(IEnumerable<string> configuration) =>
        // The suites send many requests quickly from one address; the rate limit has its own tests.
        StartAsync(Directory.GetCurrentDirectory(), new Dictionary<string, string>(), ["--Protocol:RateLimit:PerSecond=0", .. configuration]);

    /// <summary>
    /// Starts the service as a shell would: in <paramref name="workingDirectory"/>, with the environment variables and
    /// arguments given and nothing else but <c>--urls</c> for a free loopback port; waits until <c>/health</c> answers 200.
    /// </summary>
    public static async Task<ApiProcess> StartAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, IEnumerable<string> arguments)
    {
        var port = Ports.Free();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        start.ArgumentList.Add(ApiAssembly());
        start.ArgumentList.Add($"--urls=http://127.0.0.1:{port}");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

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
        // A home of its own: no development certificate or profile of the machine's user decides how a start ends.
        var home = Directory.CreateTempSubdirectory("navixy-home-").FullName;
        start.Environment["HOME"] = home;
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

        var result = (process.ExitCode, await output, await error);
        Directory.Delete(home, recursive: true);
        return result;
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
        var path = Path.Combine(Repository.Root.FullName, "src", "Api", "bin", configuration, testOutput.Name, "Navixy.Panel.Api.dll");
        Assert.That(File.Exists(path), Is.True, path);
        return path;
    }
}
