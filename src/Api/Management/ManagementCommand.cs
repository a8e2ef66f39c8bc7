using System.Globalization;
using MediatR;
using Navixy.Panel.Application;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Panel.Commands.CreateDealer;
using Navixy.Panel.Application.Panel.Commands.CreatePanelAccount;
using Navixy.Panel.Infrastructure;
using Navixy.Panel.Infrastructure.Persistence;

namespace Navixy.Panel.Api.Management;

/// <summary>
/// Operator commands on the same executable, so no SQL is needed:
/// <c>dealer create --name N</c>, <c>account create --dealer D --login L --password P --permissions users:read,...</c>
/// and <c>database script --provider Sqlite|Postgres|SqlServer</c> (the schema's SQL, printed without connecting).
/// Configuration (database, data folder) is read as for the service; <c>--Section:Key=value</c> arguments override it.
/// </summary>
public static class ManagementCommand
{
    public const string Usage = """
        Usage:
          dealer create --name <name>
          account create --dealer <id> --login <login> --password <password> --permissions <users:read,users:update,users:create>
          database script --provider <Sqlite|Postgres|SqlServer>
        Configuration as for the service (appsettings, environment, --Section:Key=value).
        """;

    private static readonly string[] Nouns = ["dealer", "account", "database"];

    public static bool IsManagementCommand(string[] args) => args.Length > 0 && Nouns.Contains(args[0], StringComparer.OrdinalIgnoreCase);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (!TryParse(args, out var noun, out var options, out var configArgs, out var problem))
        {
            await error.WriteLineAsync(problem);
            await error.WriteLineAsync(Usage);
            return 2;
        }

        if (noun == "database")
        {
            return await PrintScriptAsync(options["provider"], output, error);
        }

        var builder = Host.CreateApplicationBuilder(configArgs);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddApplication(builder.Configuration).AddInfrastructure();
        using var host = builder.Build();
        try
        {
            await host.Services.InitializeDatabaseAsync();
            await using var scope = host.Services.CreateAsyncScope();
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            var id = noun switch
            {
                "dealer" => await mediator.Send(new CreateDealerCommand(options.GetValueOrDefault("name"))),
                _ => await mediator.Send(new CreatePanelAccountCommand(
                    long.TryParse(options.GetValueOrDefault("dealer"), NumberStyles.None, CultureInfo.InvariantCulture, out var dealer) ? dealer : 0,
                    options.GetValueOrDefault("login"),
                    options.GetValueOrDefault("password"),
                    options.GetValueOrDefault("permissions"))),
            };
            await output.WriteLineAsync(id.ToString(CultureInfo.InvariantCulture));
            return 0;
        }
        catch (ValidationException ex)
        {
            foreach (var e in ex.Errors)
            {
                await error.WriteLineAsync($"--{e.Parameter}: {e.Error}");
            }

            await error.WriteLineAsync(Usage);
            return 2;
        }
        catch (NavixyException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return 1;
        }
        catch (Exception ex) when (DatabaseFaults.Classify(ex) != DatabaseFault.None || ex is InvalidOperationException)
        {
            await error.WriteLineAsync($"Cannot reach or use the database: {ex.GetBaseException().Message}");
            return 1;
        }
    }

    private static async Task<int> PrintScriptAsync(string providerName, TextWriter output, TextWriter error)
    {
        if (DatabaseProvider.All.FirstOrDefault(p => p.Name.Equals(providerName, StringComparison.OrdinalIgnoreCase)) is not { } provider)
        {
            await error.WriteLineAsync($"--provider: must be one of {string.Join(", ", DatabaseProvider.All)}");
            return 2;
        }

        await output.WriteAsync(SchemaScript.For(provider));
        return 0;
    }

    private static bool TryParse(
        string[] args,
        out string noun,
        out Dictionary<string, string> options,
        out string[] configArgs,
        out string problem)
    {
        noun = args[0].ToLowerInvariant();
        options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var config = new List<string>();
        configArgs = [];
        problem = string.Empty;
        var verb = noun == "database" ? "script" : "create";
        if (args.Length < 2 || !args[1].Equals(verb, StringComparison.OrdinalIgnoreCase))
        {
            problem = $"Unknown command '{string.Join(' ', args.Take(2))}'.";
            return false;
        }

        string[] allowed = noun switch
        {
            "dealer" => ["name"],
            "database" => ["provider"],
            _ => ["dealer", "login", "password", "permissions"],
        };
        for (var i = 2; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) && (arg.Contains(':') || arg.Contains('=')))
            {
                config.Add(arg);
                continue;
            }

            var name = arg.StartsWith("--", StringComparison.Ordinal) ? arg[2..] : null;
            if (name is null || !allowed.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                problem = $"Unknown option '{arg}'.";
                return false;
            }

            if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                problem = $"Option '{arg}' needs a value.";
                return false;
            }

            options[name] = args[++i];
        }

        var given = options;
        var missing = allowed.Where(a => !given.ContainsKey(a)).ToArray();
        if (missing.Length > 0)
        {
            problem = $"Missing option(s): {string.Join(", ", missing.Select(m => "--" + m))}.";
            return false;
        }

        configArgs = config.ToArray();
        return true;
    }
}
