using System.Data.Common;
using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Navixy.Panel.Infrastructure.Persistence;

/// <summary>PostgreSQL: a server database that several API instances may share, heard through LISTEN/NOTIFY.</summary>
internal sealed class PostgresProvider : DatabaseProvider
{
    public override string Name => "Postgres";

    public override bool HasChangeListener => true;

    public override string EntityFrameworkName => "Npgsql.EntityFrameworkCore.PostgreSQL";

    public override string OfflineConnectionString => "Host=127.0.0.1;Database=panel";

    /// <summary>
    /// A pg_trgm GIN index of the searchable columns, each lowered as the exact condition lowers it, joined into
    /// one text so one index scan serves a filter. See <c>docs/decisions.md</c>, "User search".
    /// </summary>
    public override IReadOnlyList<string> CreateUserSearchIndex =>
    [
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        $"CREATE INDEX users_search_trgm ON users USING gin (({SearchedText}) gin_trgm_ops)",
        .. CreateMasterCounts,
        // Statement triggers with transition tables: an upload of thousands changes each dealer's count once. No
        // UPDATE trigger: it would copy every row of an "update all" for nothing, and no update moves a user.
        """
        CREATE FUNCTION users_search_count() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'INSERT' THEN
            INSERT INTO users_search_counts AS c (dealer_id, masters)
              SELECT dealer_id, count(*) FROM new_rows WHERE master_id IS NULL GROUP BY dealer_id
              ON CONFLICT (dealer_id) DO UPDATE SET masters = c.masters + excluded.masters;
          ELSE
            UPDATE users_search_counts AS c SET masters = c.masters - o.n
              FROM (SELECT dealer_id, count(*) AS n FROM old_rows WHERE master_id IS NULL GROUP BY dealer_id) AS o
              WHERE c.dealer_id = o.dealer_id;
          END IF;
          RETURN NULL;
        END $$
        """,
        "CREATE TRIGGER users_search_count_insert AFTER INSERT ON users REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION users_search_count()",
        "CREATE TRIGGER users_search_count_delete AFTER DELETE ON users REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION users_search_count()",
    ];

    public override IReadOnlyList<string> DropUserSearchIndex =>
    [
        "DROP TRIGGER users_search_count_delete ON users", "DROP TRIGGER users_search_count_insert ON users", "DROP FUNCTION users_search_count()",
        "DROP TABLE users_search_counts", "DROP INDEX users_search_trgm",
    ];

    protected override bool KeepsMasterCounts => true;

    // The index's expression: a query uses the index only when it repeats the expression.
    private const string SearchedText =
        @"login_key || E'\n' || lower(first_name) || E'\n' || lower(middle_name) || E'\n' || lower(last_name) || E'\n' || lower(legal_name) || E'\n' || phone";

    private const string SearchQuery = "SELECT id AS \"Value\" FROM users WHERE " + SearchedText + " LIKE {0} LIMIT {1}";

    public override void Use(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(WithDefaults(connectionString), npgsql => npgsql.ExecutionStrategy(d => new RetryOnConflictStrategy(d, this)));

    protected override DbConnectionStringBuilder ConnectionStringBuilder(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString);

    /// <summary>
    /// Two Npgsql settings the service is built for, unless the connection string sets them itself:
    /// <c>No Reset On Close</c> (the service never changes session state, so a pooled connection need not send
    /// <c>DISCARD ALL</c> before its next command) and <c>Max Auto Prepare=20</c> (statements run five times are
    /// prepared once per physical connection, so the hot lookups skip parsing and planning). Together they take a
    /// third of the database's work off each read; see <c>docs/benchmarks.md</c>.
    /// </summary>
    public static string WithDefaults(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 20;
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// <c>SELECT … FOR NO KEY UPDATE</c> locks the row without writing a version of it; the joined <c>pg_notify</c> is
    /// delivered only if the transaction commits. See <c>docs/decisions.md</c>, "Concurrent MFA changes of one dealer".
    /// </summary>
    public override async Task<bool> TakeDealerLockAsync(PanelDbContext db, long dealerId, CancellationToken cancellationToken) =>
        (await db.Database.SqlQuery<long>(
                $"SELECT d.id AS \"Value\" FROM dealers AS d CROSS JOIN LATERAL pg_notify({DealerChangeListener.Channel}, {dealerId.ToString(CultureInfo.InvariantCulture)}) AS n WHERE d.id = {dealerId} FOR NO KEY UPDATE OF d")
            .ToListAsync(cancellationToken)).Count == 1;

    internal override LimitedInsert LimitedInsert { get; } = new UnderAdvisoryLock();

    /// <remarks>
    /// PostgreSQL plans EF's <c>DELETE ... WHERE id IN (SELECT id ... ORDER BY time LIMIT n)</c> as a hash join over a
    /// scan of the whole table until the table holds about a million rows (50 ms a batch of 1000 at 100,000 rows), so
    /// here the ids go through an array, <c>id = ANY(ARRAY(SELECT ...))</c>, which it always looks up in the primary key (3 ms).
    /// </remarks>
    internal override Task<int> DeleteEarliestAsync<T, TTime>(DbSet<T> rows, Expression<Func<T, TTime>> time, TTime cutoff, int batchSize, CancellationToken cancellationToken)
    {
        var (table, key, column) = BatchDelete.Names(rows, time);
#pragma warning disable EF1002 // the names come from the model, the values go as parameters
        return rows.GetService<ICurrentDbContext>().Context.Database.ExecuteSqlRawAsync(
            $"DELETE FROM {table} WHERE {key} = ANY(ARRAY(SELECT {key} FROM {table} WHERE {column} <= @cutoff ORDER BY {column} LIMIT @limit))",
            [new NpgsqlParameter("cutoff", cutoff), new NpgsqlParameter("limit", batchSize)],
            cancellationToken);
#pragma warning restore EF1002
    }
    /// <summary>
    /// The indexed text <c>LIKE</c> the filter (its <c>%</c>, <c>_</c> and <c>\</c> escaped). Trigrams need three
    /// characters; with fewer the index would be read whole, so shorter text is not served here.
    /// </summary>
    internal override IQueryable<long>? UserSearchCandidates(PanelDbContext db, string text, int limit) =>
        text.EnumerateRunes().Count() < 3
            ? null
            : db.Database.SqlQueryRaw<long>(SearchQuery, LikeContaining(text), limit);

    private static string LikeContaining(string text) =>
        "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    public override DatabaseFault Classify(Exception exception) => exception switch
    {
        PostgresException { SqlState: "23505" } => DatabaseFault.UniqueViolation,
        PostgresException { SqlState: "40001" or "40P01" } => DatabaseFault.Retry, // serialization_failure, deadlock_detected
        // connection_exception (08…), admin/crash shutdown, cannot_connect_now, too_many_connections, query_canceled (statement timeout)
        PostgresException { SqlState: var state } when state.StartsWith("08", StringComparison.Ordinal) || state is "57P01" or "57P02" or "57P03" or "53300" or "57014" =>
            DatabaseFault.Unavailable,
        NpgsqlException { IsTransient: true } => DatabaseFault.Unavailable,
        NpgsqlException { InnerException: IOException or TimeoutException } => DatabaseFault.Unavailable,
        _ => DatabaseFault.None,
    };

    /// <summary>
    /// Under read committed two concurrent inserts would each count the rows committed before it began and both pass.
    /// A transaction-scoped advisory lock on the subject queues them; it is taken by a statement of its own, so the
    /// insert's snapshot is taken once the lock is held and sees every event committed before. (Another subject whose
    /// key hashes alike only waits its turn.)
    /// </summary>
    private sealed class UnderAdvisoryLock : LimitedInsert
    {
        // In the execution strategy, which retries the whole transaction on a deadlock and refuses a transaction begun outside it.
        protected override Task<long?> RunAsync(PanelDbContext db, string key, FormattableString prune, FormattableString insert, CancellationToken cancellationToken) =>
            db.Database.CreateExecutionStrategy().ExecuteAsync(
                async ct =>
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(ct);
                    await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", ct);
                    await db.Database.ExecuteSqlAsync(prune, ct);
                    var id = await InsertedIdAsync(db, insert, ct);
                    await transaction.CommitAsync(ct);
                    return id;
                },
                cancellationToken);
    }
}
