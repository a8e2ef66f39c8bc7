namespace Navixy.Panel.Infrastructure.Persistence;

/// <summary>Where the data lives, resolved once from configuration.</summary>
/// <remarks><see cref="ReadCacheLifetime"/>: how long <c>default/read</c> and <c>user/read</c> answers stay cached (<c>Database:ReadCacheSeconds</c>; zero turns the cache off).</remarks>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString, bool MigrateOnStartup, string DataDirectory)
{
    public const double DefaultReadCacheSeconds = 30;

    public TimeSpan ReadCacheLifetime { get; init; } = TimeSpan.FromSeconds(DefaultReadCacheSeconds);
}
