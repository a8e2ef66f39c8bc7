using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Navixy.Panel.Infrastructure.Persistence;
using Navixy.Panel.TestSupport;

namespace Navixy.Panel.Api.FunctionalTests.Support;

/// <summary>
/// Hosts the API over a fresh database of the chosen provider: a temporary SQLite data folder, or a new database
/// on the provider's test server (<see cref="TestProviders"/>). A second factory can
/// share the first one's database, as a second API instance would. The host's clock is <see cref="Clock"/> and
/// every log entry is kept in <see cref="Log"/>.
/// </summary>
public sealed class PanelApiFactory : WebApplicationFactory<Program>
{
    public const string AdminPassword = "Admin-Passw0rd!";

    private readonly string? _serverDatabase;
    private readonly string? _server;

    private readonly bool _ownsData;

    /// <param name="provider">One of <see cref="TestProviders.All"/>.</param>
    /// <param name="sharing">Another factory whose database this one uses, as a second API instance.</param>
    /// <param name="postgresServer">A PostgreSQL server other than the shared test server, for fault tests.</param>
    public PanelApiFactory(string provider, PanelApiFactory? sharing = null, string? postgresServer = null)
    {
        Provider = provider;
        if (sharing is not null)
        {
            DataDirectory = sharing.DataDirectory;
            ConnectionString = sharing.ConnectionString;
            return;
        }

        _ownsData = true;
        DataDirectory = Path.Combine(Path.GetTempPath(), "navixy-functional-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        if (!DatabaseProvider.Named(provider).OwnsAllChanges)
        {
            _server = postgresServer ?? TestProviders.Server(provider);
            _serverDatabase = "navixy_ft_" + Guid.NewGuid().ToString("N");
            ConnectionString = TestProviders.CreateDatabase(provider, _server, _serverDatabase);
        }
    }

    public string Provider { get; }

    public string DataDirectory { get; }

    public string? ConnectionString { get; }

    public string MailDirectory => Path.Combine(DataDirectory, "mail");

    public AdjustableClock Clock { get; } = new();

    public CapturedLog Log { get; } = new();

    /// <summary>The lowest level logged; set before the first request.</summary>
    public LogLevel MinimumLogLevel { get; init; } = LogLevel.Warning;

    /// <summary>False leaves imported passwords pending: the background hashing service is not started.</summary>
    public bool BackgroundPasswordHashing { get; init; } = true;

    /// <summary>Extra configuration, e.g. the email transport; set before the first request.</summary>
    public Dictionary<string, string> Settings { get; } = [];

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
        builder.UseSetting("Logging:LogLevel:Default", MinimumLogLevel.ToString());
        builder.UseSetting("Logging:LogLevel:Microsoft", MinimumLogLevel.ToString());
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", MinimumLogLevel.ToString());
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", MinimumLogLevel.ToString());
        // The suites send many requests quickly from one address and hash; the rate limit's tests set it in Settings.
        builder.UseSetting("Protocol:RateLimit:PerSecond", "0");
        if (ConnectionString is not null)
        {
            builder.UseSetting("ConnectionStrings:Panel", ConnectionString);
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(Log));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            if (!BackgroundPasswordHashing)
            {
                services.Remove(services.Single(d =>
                    d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService) && d.ImplementationType == typeof(Navixy.Panel.Application.Common.Security.PendingPasswordHashingService)));
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing || !_ownsData)
        {
            return;
        }

        if (_serverDatabase is not null)
        {
            TestProviders.DropDatabase(Provider, _server!, _serverDatabase);
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
