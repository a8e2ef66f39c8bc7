using System.Data.Common;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Navixy.Panel.Application.Common.Configuration;
using Navixy.Panel.Domain.Users;

namespace Navixy.Panel.Infrastructure.Persistence;

/// <summary>
/// One database the service runs on (<c>Database:Provider</c>), owning everything that differs between them: the
/// <c>Use…</c> registration and its defaults, start-up settings, the dealer lock, the counted insert, the housekeeping
/// batch, what its errors mean and whether the read cache may serve. Adding a provider is a subclass listed in <see cref="All"/>, its annotations in the
/// migrations and its entry in the test fixtures' provider list.
/// </summary>
public abstract class DatabaseProvider
{
    public static readonly DatabaseProvider Sqlite = new SqliteProvider();

    public static readonly DatabaseProvider Postgres = new PostgresProvider();

    public static readonly DatabaseProvider SqlServer = new SqlServerProvider();

    public static IReadOnlyList<DatabaseProvider> All { get; } = [Sqlite, Postgres, SqlServer];

    /// <summary>The value of <c>Database:Provider</c>.</summary>
    public abstract string Name { get; }

    /// <summary>
    /// True when every change of the data is made by this process (an embedded database), so the read cache may
    /// serve from the start: each change is forgotten where it is made.
    /// </summary>
    public virtual bool OwnsAllChanges => false;

    /// <summary>
    /// True when the database tells this instance of changes other instances commit (<see cref="DealerChangeListener"/>),
    /// so the read cache may serve while it listens. A server database with neither never serves from the cache.
    /// </summary>
    public virtual bool HasChangeListener => false;

    /// <summary>The provider of that name, any case; null when there is none.</summary>
    public static DatabaseProvider? Find(string? name) => All.FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The provider EF Core knows as <paramref name="entityFrameworkName"/>.</summary>
    public static DatabaseProvider OfEntityFramework(string? entityFrameworkName) =>
        All.FirstOrDefault(p => p.EntityFrameworkName == entityFrameworkName)
        ?? throw new InvalidOperationException($"No database provider runs on EF Core's '{entityFrameworkName}'.");

    /// <summary>What <c>Database:Provider</c> allows.</summary>
    public static string OneOf => $"one of {string.Join(", ", All)}";

    /// <summary>The provider <c>Database:Provider</c> names.</summary>
    public static DatabaseProvider Named(string name) =>
        Find(name) ?? throw Setting.Invalid("Database:Provider", OneOf, name);

    /// <summary>Whether <c>ConnectionStrings:Panel</c> must be set: true unless the provider has a default.</summary>
    public virtual bool RequiresConnectionString => true;

    /// <summary>The connection string when <c>ConnectionStrings:Panel</c> is not set; null when it is required.</summary>
    public virtual string? DefaultConnectionString(string dataDirectory) => null;

    /// <summary>EF Core's name of the provider (<c>DbContext.Database.ProviderName</c>, a migration's <c>ActiveProvider</c>).</summary>
    public abstract string EntityFrameworkName { get; }

    /// <summary>A connection string that is never opened, for building the model or the schema script offline.</summary>
    public abstract string OfflineConnectionString { get; }

    /// <summary>Registers the provider with the service's defaults and the retrying execution strategy.</summary>
    public abstract void Use(DbContextOptionsBuilder options, string connectionString);

    /// <summary>
    /// Whether the driver reads <paramref name="connectionString"/>: no unknown keyword, no value of the wrong kind. Its
    /// reason is not passed on: an unquoted password with <c>;</c> or <c>=</c> would show up in it as a keyword.
    /// </summary>
    public bool ReadsConnectionString(string connectionString)
    {
        try
        {
            _ = ConnectionStringBuilder(connectionString);
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            return false;
        }
    }

    /// <summary>The driver's reading of a connection string; throws as the driver does for one it cannot use.</summary>
    protected abstract DbConnectionStringBuilder ConnectionStringBuilder(string connectionString);

    /// <summary>Settings the database needs before the first migration or request.</summary>
    public virtual Task InitializeAsync(PanelDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Refreshes the planner's statistics where the database leaves that to its user; the service does it before it serves.</summary>
    public virtual Task RefreshStatisticsAsync(PanelDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Takes the dealer's MFA lock until the transaction ends, so concurrent changes of one dealer apply one after
    /// another instead of locking the same users in different orders; false when the dealer does not exist.
    /// </summary>
    public abstract Task<bool> TakeDealerLockAsync(PanelDbContext db, long dealerId, CancellationToken cancellationToken);

    /// <summary>How an event is written only while its subject is under its limits, atomically against every writer.</summary>
    internal abstract LimitedInsert LimitedInsert { get; }

    /// <summary>
    /// One housekeeping batch: deletes at most <paramref name="batchSize"/> rows whose <paramref name="time"/> is at or
    /// before <paramref name="cutoff"/>, earliest first, in one statement; by default the statement EF writes.
    /// </summary>
    internal virtual Task<int> DeleteEarliestAsync<T, TTime>(DbSet<T> rows, Expression<Func<T, TTime>> time, TTime cutoff, int batchSize, CancellationToken cancellationToken)
        where T : class =>
        BatchDelete.WithEfAsync(rows, time, cutoff, batchSize, cancellationToken);

    /// <summary>What one exception of this provider's client library means; <see cref="DatabaseFault.None"/> when it is not one.</summary>
    public abstract DatabaseFault Classify(Exception exception);

    /// <summary>
    /// The statements that build the substring index of users' searchable columns (migration <c>UserSearchIndex</c>):
    /// objects outside the EF model that the database keeps in step with <c>users</c> itself, and fills from the rows
    /// already there. Empty when the provider has none; see <c>docs/decisions.md</c>, "User search".
    /// </summary>
    public virtual IReadOnlyList<string> CreateUserSearchIndex => [];

    /// <summary>Undoes <see cref="CreateUserSearchIndex"/>.</summary>
    public virtual IReadOnlyList<string> DropUserSearchIndex => [];

    /// <summary>
    /// The statements of migration <c>BulkSearchEntries</c>, which let <see cref="AddUsersAsync"/> index many new users
    /// in one statement; empty when the provider's index needs no help for that.
    /// </summary>
    public virtual IReadOnlyList<string> CreateBulkSearchEntries => [];

    /// <summary>Undoes <see cref="CreateBulkSearchEntries"/>.</summary>
    public virtual IReadOnlyList<string> DropBulkSearchEntries => [];

    /// <summary>Saves many new users (and whatever else the context holds) inside the caller's transaction; by default as EF writes them.</summary>
    internal virtual async Task AddUsersAsync(PanelDbContext db, IReadOnlyCollection<User> users, CancellationToken cancellationToken)
    {
        db.Users.AddRange(users);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The ids of users the index finds for <paramref name="text"/> (a filter already lower-cased), at most
    /// <paramref name="limit"/> of them: every user one of whose searchable columns contains it, maybe a few more,
    /// which the exact condition it is combined with drops. Null when the index cannot serve the text (no index, or
    /// shorter than its trigrams): the exact condition alone then scans. The limit is in the statement rather than a
    /// <c>Take</c>, which EF would log as a row limit without an order; any order serves.
    /// </summary>
    internal virtual IQueryable<long>? UserSearchCandidates(PanelDbContext db, string text, int limit) => null;

    /// <summary>
    /// <paramref name="text"/> lower-cased as the database's <c>lower</c> does it, so a filter compared with a lowered
    /// column finds the column's own spelling; by default all of Unicode, as .NET does.
    /// </summary>
    internal virtual string LowerAsTheDatabase(string text) => text.ToLowerInvariant();

    /// <summary>
    /// The dealer's number of master users as the database keeps it in <c>users_search_counts</c> (triggers of
    /// <see cref="CreateUserSearchIndex"/>), so the unfiltered list need not count a million index entries; null
    /// when the provider keeps none and the list counts.
    /// </summary>
    internal IQueryable<long>? KeptMasterCount(PanelDbContext db, long dealerId) =>
        KeepsMasterCounts ? db.Database.SqlQuery<long>($"SELECT masters AS \"Value\" FROM users_search_counts WHERE dealer_id = {dealerId}") : null;

    /// <summary>True when <see cref="CreateUserSearchIndex"/> creates and fills <c>users_search_counts</c>.</summary>
    protected virtual bool KeepsMasterCounts => false;

    /// <summary>The table of <see cref="KeptMasterCount"/> and its filling from the users already stored.</summary>
    protected static readonly string[] CreateMasterCounts =
    [
        "CREATE TABLE users_search_counts (dealer_id bigint NOT NULL PRIMARY KEY, masters bigint NOT NULL)",
        "INSERT INTO users_search_counts (dealer_id, masters) SELECT dealer_id, count(*) FROM users WHERE master_id IS NULL GROUP BY dealer_id",
    ];

    public override string ToString() => Name;
}
