using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Navixy.Panel.Application;
using Navixy.Panel.Application.Housekeeping;
using Navixy.Panel.Infrastructure.Persistence;

namespace Navixy.Panel.Infrastructure.IntegrationTests.Support;

/// <summary>
/// The services of one API instance as the application registers them, over a test database, to run housekeeping
/// passes without a host; its contexts send their commands through the given interceptors.
/// </summary>
public sealed class HousekeepingInstance : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public HousekeepingInstance(TestDatabase database, TimeProvider clock, int batchSize, params IInterceptor[] interceptors)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Housekeeping:BatchSize"] = batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Housekeeping:PauseMilliseconds"] = "0",
                ["Database:Provider"] = database.Provider.Name, // the repositories ask the provider for its batch
                ["ConnectionStrings:Panel"] = database.ConnectionString,
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddApplication(configuration).AddInfrastructure();
        services.AddSingleton(clock);
        services.AddScoped<PanelDbContext>(_ => database.NewContext(interceptors));
        _services = services.BuildServiceProvider();
    }

    /// <summary>The instance's services, to run other application handlers over the same database and interceptors.</summary>
    public IServiceProvider Services => _services;

    public Task<IReadOnlyDictionary<string, int>> RunPassAsync() => _services.GetRequiredService<Housekeeper>().RunAsync(CancellationToken.None);

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
