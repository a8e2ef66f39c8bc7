using System.Diagnostics;
using Navixy.Panel.TestSupport;
using Npgsql;

namespace Navixy.Panel.Api.FunctionalTests.Support;

/// <summary>
/// A PostgreSQL server of its own for a fault test, so it can be stopped and started again without disturbing the
/// shared test server. Uses the binaries named by NAVIXY_TEST_PGBIN (set by scripts/test.sh).
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    private readonly string _bin;
    private readonly string _folder;

    private PostgresCluster(string bin)
    {
        _bin = bin;
        _folder = Path.Combine(Path.GetTempPath(), "navixy-pg-" + Guid.NewGuid().ToString("N"));
        Port = Ports.Free();
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Timeout=3;Command Timeout=60";

    private string DataFolder => Path.Combine(_folder, "data");

    public static PostgresCluster Create()
    {
        var bin = Environment.GetEnvironmentVariable("NAVIXY_TEST_PGBIN");
        if (string.IsNullOrEmpty(bin) || !File.Exists(Path.Combine(bin, "pg_ctl")))
        {
            _ = TestProviders.Server("Postgres"); // fails under CI, ignores the test elsewhere
            Assert.Ignore("NAVIXY_TEST_PGBIN is not set: run the tests through scripts/test.sh");
        }

        var cluster = new PostgresCluster(bin!);
        Directory.CreateDirectory(cluster._folder);
        if (IsRoot)
        {
            Run("chown", ["postgres", cluster._folder], asPostgres: false);
        }

        cluster.RunServerProgram(Path.Combine(bin!, "initdb"), "-D", cluster.DataFolder, "-U", "postgres", "--auth=trust", "-E", "UTF8");
        cluster.Start();
        return cluster;
    }

    public void Start() => RunServerProgram(Path.Combine(_bin, "pg_ctl"), "-D", DataFolder, "-l", Path.Combine(_folder, "log"), "-w", "-o",
        $"-c listen_addresses=127.0.0.1 -p {Port} -k {_folder} -c fsync=off -c max_connections=100", "start");

    public void Stop() => RunServerProgram(Path.Combine(_bin, "pg_ctl"), "-D", DataFolder, "-m", "immediate", "-w", "stop");

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            Stop();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        Directory.Delete(_folder, recursive: true);
    }

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>Runs a server program, as the postgres user when the tests run as root (PostgreSQL refuses root).</summary>
    private void RunServerProgram(string program, params string[] args) => Run(program, args, asPostgres: IsRoot);

    private static void Run(string program, string[] args, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in asPostgres ? ["-u", "postgres", "--", program, .. args] : args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed: {error} {output.Result}");
        }
    }
}
