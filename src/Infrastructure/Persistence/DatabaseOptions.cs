namespace Navixy.Panel.Infrastructure.Persistence;

/// <summary>Where the data lives, resolved once from configuration.</summary>
/// <remarks><see cref="ReadCacheLifetime"/>: how long <c>default/read</c> and <c>user/read</c> answers stay cached (<c>Database:ReadCacheSeconds</c>; zero turns the cache off).</remarks>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString, bool MigrateOnStartup, string DataDirectory)
{
    public const double DefaultReadCacheSeconds = 30;

    public TimeSpan ReadCacheLifetime { get; init; } = TimeSpan.FromSeconds(DefaultReadCacheSeconds);

    /// <summary>
    /// The most ids of the substring index a user search carries into its count and page; beyond, the exact
    /// condition alone passes over the dealer's masters. Not a setting: tests lower it to take both paths.
    /// </summary>
    internal int SearchCandidateLimit { get; init; } = 5_000;
}
