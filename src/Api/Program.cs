using MediatR;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;
using Navixy.Panel.Api;
using Navixy.Panel.Api.Health;
using Navixy.Panel.Api.Logging;
using Navixy.Panel.Api.Pages;
using Navixy.Panel.Api.Management;
using Navixy.Panel.Api.Protocol;
using Navixy.Panel.Application;
using Navixy.Panel.Application.Common.Configuration;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Application.Panel.Commands.BootstrapPlatform;
using Navixy.Panel.Domain.Panel;
using Navixy.Panel.Infrastructure;
using Navixy.Panel.Infrastructure.Persistence;

if (ManagementCommand.IsManagementCommand(args))
{
    return await ManagementCommand.RunAsync(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = ConsolePages.WebRoot });
builder.Services
    .AddApplication(builder.Configuration)
    .AddInfrastructure()
    .AddApi();

// Settings are checked now, so a bad value stops the start instead of failing every request that needs it, and
// before the database is touched: Logging (before Build, which reads the levels), urls (Kestrel reads them only once
// it starts; after Build, which a test host never gets past, so its ports are the service's own), every options
// section registered with ValidateOnStart (Protocol, Database, Security, Email, Housekeeping, Notifications, Audit)
// and ForwardedHeaders. The stop is one sentence naming the setting and what it allows, and exit code 2, as for a
// bad command line.
WebApplication app;
try
{
    LogLevelSettings.Check(builder.Configuration);
    app = builder.Build();
    ServerUrls.Check(app.Configuration);
    app.Services.GetRequiredService<IStartupValidator>().Validate();
    _ = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
    _ = app.Services.GetRequiredService<ISecretTokens>(); // last: without a configured secret it writes one to the data folder
}
catch (Exception ex) when (SettingProblems.Of(ex, builder.Configuration) is { Count: > 0 } problems)
{
    foreach (var problem in problems)
    {
        await Console.Error.WriteLineAsync(problem);
    }

    return 2;
}

try
{
    await app.Services.InitializeDatabaseAsync();
    await app.Services.RefreshDatabaseStatisticsAsync();
    await BootstrapAsync(app.Services);
}
catch (Exception ex) when (DatabaseFaults.Classify(ex) == DatabaseFault.Unavailable)
{
    // Serve anyway: requests get 14 and /health reports the outage until the database is back.
    // Migrations and the first-start bootstrap run at the next start.
    app.Logger.LogError("Database unavailable at start-up, migrations and bootstrap skipped: {Reason}", ex.GetBaseException().Message);
}
catch (InvalidSettingException ex)
{
    // Bootstrap:AdminPassword, read by the first start only: nothing was created, the next start tries again.
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}

app.UseForwardedHeaders();
app.UseMiddleware<ResponseHeadersMiddleware>();
app.UseExceptionHandler(_ => { });
app.UseStatusCodePages(context => WrongPathOrMethod.WriteAsync(context.HttpContext));
app.UseConsolePages();
app.UseMiddleware<ProtocolMiddleware>();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.MapControllers();
app.MapOpenApi();
app.MapApiReference();
app.MapHealth();

try
{
    await app.RunAsync();
}
catch (IOException ex) when (ex.InnerException is AddressInUseException)
{
    // Taken since ServerUrls checked it: the host has logged its failure already, this line still says what to do.
    await Console.Error.WriteLineAsync($"{ex.Message} Choose a free one with --urls, e.g. --urls http://127.0.0.1:5001");
    return 2;
}

return 0;

static async Task BootstrapAsync(IServiceProvider services)
{
    await using var scope = services.CreateAsyncScope();
    var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
    var outcome = await mediator.Send(new BootstrapPlatformCommand(services.GetRequiredService<IOptions<BootstrapOptions>>().Value.AdminPassword));
    if (outcome.GeneratedPassword is not null)
    {
        // Shown once on the console, never logged: it is the only copy outside the password hash.
        await Console.Out.WriteLineAsync($"Created dealer 1 and panel account '{BootstrapPlatformCommandHandler.AdminLogin}' with generated password: {outcome.GeneratedPassword}");
    }
    else if (outcome.Created)
    {
        await Console.Out.WriteLineAsync($"Created dealer 1 and panel account '{BootstrapPlatformCommandHandler.AdminLogin}' with the password set from Bootstrap:AdminPassword.");
    }
    else if (outcome.NoPanelAccount)
    {
        // On the console as the lines above, not a log: the hint names the command's password option.
        await Console.Out.WriteLineAsync("No panel account exists, so nobody can sign in to the console: create one with "
            + $"dotnet run --project src/Api -- account create --dealer D --login admin --password '...' --permissions {string.Join(',', PanelPermissions.Known)}");
    }
}

/// <summary>Entry point; public so functional tests can host the API.</summary>
public partial class Program;
