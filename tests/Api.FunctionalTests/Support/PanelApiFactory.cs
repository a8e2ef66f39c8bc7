using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Navixy.Panel.Api.FunctionalTests.Support;

/// <summary>
/// Hosts the API over a fresh database of the chosen provider: a temporary SQLite data folder, or a new database
/// on the PostgreSQL server named by NAVIXY_TEST_POSTGRES (started by scripts/test.sh).
/// </summary>
public sealed class PanelApiFactory : WebApplicationFactory<Program>
{
    public const string AdminPassword = "Admin-Passw0rd!";

    private readonly string? _postgresDatabase;
    private readonly string? _postgresServer;

    public PanelApiFactory(string provider)
    {
        Provider = provider;
        DataDirectory = Path.Combine(Path.GetTempPath(), "navixy-functional-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        if (provider == "Postgres")
        {
            _postgresServer = PostgresServer.ConnectionString();
            _postgresDatabase = "navixy_ft_" + Guid.NewGuid().ToString("N");
            PostgresServer.CreateDatabase(_postgresServer, _postgresDatabase);
            ConnectionString = new NpgsqlConnectionStringBuilder(_postgresServer) { Database = _postgresDatabase }.ConnectionString;
        }
    }

    public string Provider { get; }

    public string DataDirectory { get; }

    public string? ConnectionString { get; }

    public string MailDirectory => Path.Combine(DataDirectory, "mail");

    /// <summary>Configuration arguments that point any host (the API, a management command) at this factory's data.</summary>
    public IReadOnlyList<string> ConfigurationArguments =>
    [
        $"--Storage:DataDirectory={DataDirectory}",
        $"--Database:Provider={Provider}",
        .. ConnectionString is null ? Array.Empty<string>() : [$"--ConnectionStrings:Panel={ConnectionString}"],
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        if (ConnectionString is not null)
        {
            builder.UseSetting("ConnectionStrings:Panel", ConnectionString);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing)
        {
            return;
        }

        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            PostgresServer.DropDatabase(_postgresServer!, _postgresDatabase);
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finished host; the temp folder is cleaned by the OS.
        }
    }
}
