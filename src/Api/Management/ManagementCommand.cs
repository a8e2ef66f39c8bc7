using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using MediatR;
using Microsoft.Extensions.Options;
using Navixy.Panel.Api.Logging;
using Navixy.Panel.Application;
using Navixy.Panel.Application.Common.Configuration;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Panel.Commands.CreateDealer;
using Navixy.Panel.Application.Panel.Commands.CreatePanelAccount;
using Navixy.Panel.Application.Panel.Commands.SetDealerBlocked;
using Navixy.Panel.Application.Panel.Commands.SetPanelAccountPassword;
using Navixy.Panel.Application.Panel.Queries.ListDealers;
using Navixy.Panel.Application.Panel.Queries.ListPanelAccounts;
using Navixy.Panel.Infrastructure;
using Navixy.Panel.Infrastructure.Persistence;

namespace Navixy.Panel.Api.Management;

/// <summary>
/// Operator commands on the same executable, so no SQL is needed (README, "Management commands"): dealers, panel
/// accounts and the schema's SQL. Only the result goes to the output; errors and logs go to the error stream.
/// Exit codes: 0 done, 1 refused (not found, login in use, database unreachable), 2 bad arguments or settings.
/// Configuration (database, data folder) is read as for the service; <c>--Section:Key=value</c> arguments override it.
/// </summary>
public static class ManagementCommand
{
    private static readonly string[] FirstWords = ["dealer", "account", "database", "help", "--help", "-h", "-?", "--version"];

    /// <summary>By the first word only, so the service's own arguments (<c>--urls</c>, <c>--Database:Provider=…</c>) still start it.</summary>
    public static bool IsManagementCommand(string[] args) => args.Length > 0 && FirstWords.Contains(args[0], StringComparer.Ordinal);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var settings = args.Where(IsSetting).ToArray();
        var commandLine = args.Where(a => !IsSetting(a)).ToArray();
        if (commandLine is ["help", .. var rest])
        {
            commandLine = [.. rest, "--help"];
        }

        var root = Commands(new Session(settings, output, error));
        var parsed = root.Parse(commandLine);
        // --help wins over the other errors of a command line, so "help nope" would print the general help and succeed.
        string[] problems = parsed.Errors.Count > 0
            ? [.. parsed.Errors.Select(e => e.Message)]
            : [.. parsed.UnmatchedTokens.Select(t => $"Unrecognized command or argument '{t}'.")];
        if (problems.Length > 0)
        {
            foreach (var problem in problems)
            {
                await error.WriteLineAsync(problem);
            }

            await WriteHelpAsync(root, parsed.CommandResult, error);
            return 2;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }

    /// <summary><c>--Section:Key=value</c>: a configuration override, as the service takes it, not an option of a command.</summary>
    private static bool IsSetting(string arg) =>
        arg.StartsWith("--", StringComparison.Ordinal) && arg.Split('=', 2)[0].Contains(':', StringComparison.Ordinal);

    private static RootCommand Commands(Session session)
    {
        var name = new Option<string>("--name") { Description = "The dealer's name.", Required = true };
        var dealerCreate = new Command("create", "Create a dealer; prints its id.") { name };
        dealerCreate.SetAction((result, ct) => session.SendAsync(result, new CreateDealerCommand(result.GetValue(name)), id => [Text(id)], ct));

        var dealerList = new Command("list", "Print every dealer, one a line: id<TAB>name<TAB>active|blocked.");
        dealerList.SetAction((result, ct) => session.SendAsync(
            result, new ListDealersQuery(), dealers => dealers.Select(d => $"{Text(d.Id)}\t{d.Name}\t{State(d.Blocked)}"), ct));

        var id = new Option<long>("--id") { Description = "The dealer's id.", Required = true };
        var block = new Command("block", "Block a dealer: its users and panel accounts are refused until it is unblocked. Prints nothing.") { id };
        block.SetAction((result, ct) => session.SendAsync(result, new SetDealerBlockedCommand(result.GetValue(id), Blocked: true), _ => [], ct));
        var unblock = new Command("unblock", "Unblock a dealer. Prints nothing.") { id };
        unblock.SetAction((result, ct) => session.SendAsync(result, new SetDealerBlockedCommand(result.GetValue(id), Blocked: false), _ => [], ct));

        var dealer = new Option<long>("--dealer") { Description = "The dealer's id.", Required = true };
        var login = new Option<string>("--login") { Description = "The panel login, unique across dealers.", Required = true };
        var password = new Option<string>("--password") { Description = "8 to 64 characters.", Required = true };
        var permissions = new Option<string>("--permissions")
        {
            Description = $"Comma-separated, from: {string.Join(", ", Domain.Panel.PanelPermissions.Known)}.",
            HelpName = "list",
            Required = true,
        };
        var accountCreate = new Command("create", "Create a panel account for a dealer; prints its id.") { dealer, login, password, permissions };
        accountCreate.SetAction((result, ct) => session.SendAsync(
            result,
            new CreatePanelAccountCommand(result.GetValue(dealer), result.GetValue(login), result.GetValue(password), result.GetValue(permissions)),
            accountId => [Text(accountId)],
            ct));

        var accountList = new Command("list", "Print the dealer's panel accounts, one a line: id<TAB>login<TAB>permissions<TAB>active|blocked.") { dealer };
        accountList.SetAction((result, ct) => session.SendAsync(
            result,
            new ListPanelAccountsQuery(result.GetValue(dealer)),
            accounts => accounts.Select(a => $"{Text(a.Id)}\t{a.Login}\t{a.Permissions}\t{State(a.Blocked)}"),
            ct));

        var setPassword = new Command("set-password", "Replace a panel account's password. Prints nothing.") { login, password };
        setPassword.SetAction((result, ct) => session.SendAsync(result, new SetPanelAccountPasswordCommand(result.GetValue(login), result.GetValue(password)), _ => [], ct));

        var provider = new Option<string>("--provider") { Description = $"One of {string.Join(", ", DatabaseProvider.All)}.", Required = true };
        provider.Validators.Add(result =>
        {
            if (DatabaseProvider.Find(result.GetValueOrDefault<string>()) is null)
            {
                result.AddError($"--provider must be one of {string.Join(", ", DatabaseProvider.All)}.");
            }
        });
        var from = new Option<string>("--from")
        {
            Description = "Only the migrations after this one: the newest MigrationId in a database's __EFMigrationsHistory, for its upgrade.",
            HelpName = "migration",
        };
        var script = new Command("script", "Print the whole schema's SQL for the provider (or an upgrade's, with --from), without connecting to any database.") { provider, from };
        script.Validators.Add(result =>
        {
            if (result.GetValue(from) is { } migration && DatabaseProvider.Find(result.GetValue(provider)) is { } known
                && SchemaScript.Migrations(known) is var migrations && !migrations.Contains(migration))
            {
                result.AddError($"--from must be one of: {string.Join(", ", migrations)}.");
            }
        });
        script.SetAction(async (result, _) =>
        {
            await session.Output.WriteAsync(SchemaScript.For(DatabaseProvider.Find(result.GetValue(provider))!, result.GetValue(from)));
            return 0;
        });

        return new RootCommand("Navixy.Panel management commands. Settings as for the service: appsettings, environment, --Section:Key=value.")
        {
            new Command("dealer", "Dealers: create, list, block, unblock.") { dealerCreate, dealerList, block, unblock },
            new Command("account", "Panel accounts: create, list, set-password.") { accountCreate, accountList, setPassword },
            new Command("database", "The database schema.") { script },
        };
    }

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string State(bool blocked) => blocked ? "blocked" : "active";

    /// <summary>The help of the command the arguments reached, as <c>--help</c> prints it, but to <paramref name="writer"/>.</summary>
    private static Task<int> WriteHelpAsync(RootCommand root, CommandResult reached, TextWriter writer)
    {
        var path = new List<string>();
        for (var command = reached; command.Parent is CommandResult parent; command = parent)
        {
            path.Insert(0, command.Command.Name);
        }

        return root.Parse([.. path, "--help"]).InvokeAsync(new InvocationConfiguration { Output = writer });
    }

    /// <summary>One run of a command: its settings and streams, and a host built only when a command needs the database.</summary>
    private sealed record Session(string[] Settings, TextWriter Output, TextWriter Error)
    {
        public async Task<int> SendAsync<T>(ParseResult command, IRequest<T> request, Func<T, IEnumerable<string>> lines, CancellationToken cancellationToken)
        {
            IHost? host = null;
            try
            {
                host = BuildHost();
                host.Services.GetRequiredService<IStartupValidator>().Validate();
                await host.Services.InitializeDatabaseAsync(cancellationToken);
                await using var scope = host.Services.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, cancellationToken);
                foreach (var line in lines(result))
                {
                    await Output.WriteLineAsync(line);
                }

                return 0;
            }
            catch (Exception ex) when (SettingProblems.Of(ex, host?.Services.GetRequiredService<IConfiguration>()) is { Count: > 0 } problems)
            {
                foreach (var problem in problems)
                {
                    await Error.WriteLineAsync(problem);
                }

                return 2;
            }
            catch (ValidationException ex)
            {
                foreach (var e in ex.Errors)
                {
                    await Error.WriteLineAsync($"{OptionFor(command.CommandResult.Command, e.Parameter)}: {e.Error}");
                }

                await WriteHelpAsync((RootCommand)command.RootCommandResult.Command, command.CommandResult, Error);
                return 2;
            }
            catch (NavixyException ex)
            {
                await Error.WriteLineAsync(ex.Message);
                return 1;
            }
            catch (Exception ex) when (DatabaseFaults.Classify(ex) != DatabaseFault.None || ex is InvalidOperationException)
            {
                await Error.WriteLineAsync($"Cannot reach or use the database: {ex.GetBaseException().Message}");
                return 1;
            }
            finally
            {
                host?.Dispose();
            }
        }

        /// <summary>The command's option a request parameter came from: <c>dealer_id</c> is <c>--dealer</c> or <c>--id</c>.</summary>
        private static string OptionFor(Command command, string parameter) =>
            new[] { parameter, parameter.Replace("_id", string.Empty, StringComparison.Ordinal), "id" }
                .Select(name => "--" + name)
                .FirstOrDefault(name => command.Options.Any(o => o.Name == name)) ?? parameter;

        private IHost BuildHost()
        {
            var builder = Host.CreateApplicationBuilder(Settings);
            LogLevelSettings.Check(builder.Configuration); // Build reads them, and would stop a bad one with a stack trace
            // Logs go to the error stream and only from Warning up, whatever the Logging section says: the output
            // carries nothing but the result.
            builder.Logging.ClearProviders().AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Services.PostConfigure<LoggerFilterOptions>(filters =>
            {
                filters.Rules.Clear();
                filters.MinLevel = LogLevel.Warning;
            });
            builder.Services.AddApplication(builder.Configuration).AddInfrastructure();
            return builder.Build();
        }
    }
}
