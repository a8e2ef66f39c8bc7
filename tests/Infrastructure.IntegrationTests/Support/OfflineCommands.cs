using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Navixy.Panel.Infrastructure.Persistence;

namespace Navixy.Panel.Infrastructure.IntegrationTests.Support;

/// <summary>
/// A context of a provider that never reaches a server: opening its connection is suppressed and every command is
/// recorded and answered without running (a count of 1, the dealer lock's one row, an inserted id of 1, nothing otherwise), so a
/// provider's SQL text can be checked where no such server can be installed.
/// </summary>
public sealed class OfflineCommands : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> _commands = new();

    public IReadOnlyCollection<string> Commands => _commands;

    public static (PanelDbContext Db, OfflineCommands Commands) Context(DatabaseProvider provider)
    {
        var commands = new OfflineCommands();
        var options = new DbContextOptionsBuilder<PanelDbContext>();
        DependencyInjection.ConfigureProvider(options, new DatabaseOptions(provider, provider.OfflineConnectionString, false, Path.GetTempPath()));
        options.AddInterceptors(new NeverOpen(), commands);
        return (new PanelDbContext(options.Options), commands);
    }

    /// <summary>
    /// The commands <paramref name="action"/> sent. A query whose rows EF reads is answered with none of its columns,
    /// so reading them fails after the command was recorded; that failure is not the point here.
    /// </summary>
    public async Task<string[]> Of(Func<Task> action)
    {
        _commands.Clear();
        try
        {
            await action();
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("fields as expected", StringComparison.Ordinal))
        {
        }

        return [.. _commands];
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        _commands.Enqueue(command.CommandText);
        var answer = new DataTable();
        if (command.CommandText.StartsWith("SELECT COUNT(*)", StringComparison.Ordinal))
        {
            answer.Columns.Add("count", typeof(int));
            answer.Rows.Add(1);
        }
        else if (command.CommandText.Contains("UPDLOCK", StringComparison.Ordinal) || command.CommandText.Contains("OUTPUT inserted.id AS [Value]", StringComparison.Ordinal))
        {
            answer.Columns.Add("Value", typeof(long));
            answer.Rows.Add(1L);
        }

        return ValueTask.FromResult(InterceptionResult<DbDataReader>.SuppressWithResult(answer.CreateDataReader()));
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        _commands.Enqueue(command.CommandText);
        return ValueTask.FromResult(InterceptionResult<int>.SuppressWithResult(1));
    }

    private sealed class NeverOpen : DbConnectionInterceptor
    {
        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(InterceptionResult.Suppress());

        public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            ValueTask.FromResult(InterceptionResult.Suppress());
    }
}
