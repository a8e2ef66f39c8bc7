using Microsoft.Extensions.Configuration;
using Navixy.Panel.Application.Common.Configuration;
using Navixy.Panel.Application.Common.Exceptions;

namespace Navixy.Panel.Infrastructure.Persistence;

/// <summary>
/// Section <c>Database</c> as configured; <see cref="DatabaseOptions"/> is what the service runs on, resolved from it
/// with <c>ConnectionStrings:Panel</c> and <c>Storage:DataDirectory</c>.
/// </summary>
public sealed class DatabaseSettings
{
    public const string Section = "Database";
    public const string ConnectionStringKey = "ConnectionStrings:Panel";
    public const string DataDirectoryKey = "Storage:DataDirectory";

    /// <summary>A <see cref="DatabaseProvider.Name"/>, any case.</summary>
    public string Provider { get; set => field = Setting.Tidy(value) ?? DatabaseProvider.Sqlite.Name; } = DatabaseProvider.Sqlite.Name;

    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>How long <c>default/read</c> and <c>user/read</c> answers stay cached; 0 turns the cache off.</summary>
    public double ReadCacheSeconds { get; set; } = DatabaseOptions.DefaultReadCacheSeconds;

    /// <summary>Where the data lives: the folder, the provider and its connection string (its default, when it has one).</summary>
    public DatabaseOptions Resolve(IConfiguration configuration)
    {
        var folder = Setting.Text(configuration, DataDirectoryKey) ?? "data";
        var provider = DatabaseProvider.Named(Provider);
        string dataDirectory;
        string? connectionString;
        try
        {
            dataDirectory = Path.GetFullPath(folder);
            connectionString = Setting.Text(configuration, ConnectionStringKey) ?? provider.DefaultConnectionString(dataDirectory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // SQLite's default database lives there: the folder is created now, and this is where that fails.
            throw new InvalidSettingException($"{DataDirectoryKey} must be a folder the service can create and write in, not '{folder}' ({ex.Message.TrimEnd('.')}).");
        }

        if (connectionString is null)
        {
            throw new InvalidSettingException(ConnectionStringRequired(provider));
        }

        return new DatabaseOptions(provider, connectionString, MigrateOnStartup, dataDirectory) { ReadCacheLifetime = TimeSpan.FromSeconds(ReadCacheSeconds) };
    }

    private static string ConnectionStringRequired(DatabaseProvider provider) =>
        $"{ConnectionStringKey} is required for the {provider.Name} provider (an ADO.NET connection string).";

    /// <summary>Checks the section, and that a provider without a default connection string has one configured.</summary>
    public sealed class Validator(IConfiguration configuration) : SettingsValidator<DatabaseSettings>
    {
        protected override IEnumerable<string?> Checks(DatabaseSettings options)
        {
            var provider = DatabaseProvider.Find(options.Provider);
            yield return provider is null ? Setting.Sentence("Database:Provider", DatabaseProvider.OneOf, options.Provider) : null;
            var connectionString = Setting.Text(configuration, ConnectionStringKey);
            yield return provider is { RequiresConnectionString: true } && connectionString is null
                ? ConnectionStringRequired(provider)
                : null;
            // Neither the value nor the driver's reason in the sentence: either may hold a password.
            yield return provider is not null && connectionString is not null && !provider.ReadsConnectionString(connectionString)
                ? $"{ConnectionStringKey} must be a connection string the {provider.Name} driver reads: known keywords, values of their kind, and values holding ';' or '=' in quotes (the value is not repeated here)."
                : null;
            yield return Setting.Seconds("Database:ReadCacheSeconds", options.ReadCacheSeconds, max: 3600);
        }
    }
}
