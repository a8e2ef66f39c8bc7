using System.Data.Common;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Navixy.Panel.Domain.Users;
using Navixy.Panel.Infrastructure.Storage;

namespace Navixy.Panel.Infrastructure.Persistence;

/// <summary>SQLite: one process's embedded database file in the data folder, the default.</summary>
internal sealed class SqliteProvider : DatabaseProvider
{
    public override string Name => "Sqlite";

    // One process's database: every change is made (and forgotten) here.
    public override bool OwnsAllChanges => true;

    public override string EntityFrameworkName => "Microsoft.EntityFrameworkCore.Sqlite";

    public override string OfflineConnectionString => "Data Source=:memory:";

    /// <summary>
    /// An FTS5 table of the searchable columns with the trigram tokenizer (case-folded), reading its text from
    /// <c>users</c> (external content, so the text is not stored twice) and kept in step by triggers; filled from the
    /// rows there. See <c>docs/decisions.md</c>, "User search".
    /// </summary>
    public override IReadOnlyList<string> CreateUserSearchIndex =>
    [
        $"CREATE VIRTUAL TABLE users_search USING fts5({SearchedColumns}, content='users', content_rowid='id', tokenize='trigram case_sensitive 0')",
        $"CREATE TRIGGER users_search_insert AFTER INSERT ON users BEGIN {SearchInsert}; END",
        $"CREATE TRIGGER users_search_delete AFTER DELETE ON users BEGIN {SearchDelete}; END",
        $"CREATE TRIGGER users_search_update AFTER UPDATE OF {SearchedColumns} ON users BEGIN {SearchDelete}; {SearchInsert}; END",
        "INSERT INTO users_search(users_search) VALUES ('rebuild')",
        .. CreateMasterCounts,
        $"CREATE TRIGGER users_search_count_insert AFTER INSERT ON users BEGIN {CountInsert}; END",
        $"CREATE TRIGGER users_search_count_delete AFTER DELETE ON users WHEN old.master_id IS NULL BEGIN {CountDelete}; END",
        "CREATE TRIGGER users_search_count_update AFTER UPDATE OF dealer_id, master_id ON users BEGIN " +
            $"{CountDelete} AND old.master_id IS NULL; {CountInsert}; END",
        "ANALYZE", // statistics, so the planner leads a search with the index (see RefreshStatisticsAsync)
    ];

    public override IReadOnlyList<string> DropUserSearchIndex =>
        ["DROP TRIGGER users_search_count_update", "DROP TRIGGER users_search_count_delete", "DROP TRIGGER users_search_count_insert", "DROP TABLE users_search_counts", "DROP TRIGGER users_search_update", "DROP TRIGGER users_search_delete", "DROP TRIGGER users_search_insert", "DROP TABLE users_search"];

    /// <summary>
    /// A row in <c>users_search_deferred</c>, seen only by its own transaction, turns the insert trigger off while
    /// <see cref="AddUsersAsync"/> indexes an upload's users in one statement; see <c>docs/decisions.md</c>, "User search".
    /// </summary>
    public override IReadOnlyList<string> CreateBulkSearchEntries =>
    [
        "CREATE TABLE users_search_deferred (id INTEGER PRIMARY KEY)",
        "DROP TRIGGER users_search_insert",
        $"CREATE TRIGGER users_search_insert AFTER INSERT ON users WHEN NOT EXISTS (SELECT 1 FROM users_search_deferred) BEGIN {SearchInsert}; END",
    ];

    public override IReadOnlyList<string> DropBulkSearchEntries =>
    [
        "DROP TRIGGER users_search_insert",
        $"CREATE TRIGGER users_search_insert AFTER INSERT ON users BEGIN {SearchInsert}; END",
        "DROP TABLE users_search_deferred",
    ];

    internal override async Task AddUsersAsync(PanelDbContext db, IReadOnlyCollection<User> users, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlRawAsync("INSERT INTO users_search_deferred (id) VALUES (1)", cancellationToken);
        await base.AddUsersAsync(db, users, cancellationToken);
        await db.Database.ExecuteSqlRawAsync(IndexUsersOfIds, [JsonSerializer.Serialize(users.Select(u => u.Id))], cancellationToken);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM users_search_deferred", cancellationToken);
    }

    // {0}: the users' ids as a JSON array.
    private const string IndexUsersOfIds =
        $"INSERT INTO users_search(rowid, {SearchedColumns}) SELECT id, {SearchedColumns} FROM users WHERE id IN (SELECT value FROM json_each({{0}}))";

    private const string CountInsert =
        "INSERT INTO users_search_counts (dealer_id, masters) SELECT new.dealer_id, 1 WHERE new.master_id IS NULL ON CONFLICT (dealer_id) DO UPDATE SET masters = masters + 1";

    private const string CountDelete = "UPDATE users_search_counts SET masters = masters - 1 WHERE dealer_id = old.dealer_id";

    protected override bool KeepsMasterCounts => true;

    private const string SearchedColumns = "login_key, first_name, middle_name, last_name, legal_name, phone";

    private const string SearchInsert =
        $"INSERT INTO users_search(rowid, {SearchedColumns}) VALUES (new.id, new.login_key, new.first_name, new.middle_name, new.last_name, new.legal_name, new.phone)";

    private const string SearchDelete =
        $"INSERT INTO users_search(users_search, rowid, {SearchedColumns}) VALUES ('delete', old.id, old.login_key, old.first_name, old.middle_name, old.last_name, old.legal_name, old.phone)";

    public override bool RequiresConnectionString => false;

    public override string DefaultConnectionString(string dataDirectory)
    {
        OwnerOnly.CreateDirectory(dataDirectory);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, "panel.db"),
            DefaultTimeout = 30, // busy timeout: concurrent writers wait for the lock instead of failing
            Cache = SqliteCacheMode.Private,
        }.ToString();
    }

    public override void Use(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.ExecutionStrategy(d => new RetryOnConflictStrategy(d, this)));

    protected override DbConnectionStringBuilder ConnectionStringBuilder(string connectionString) => new SqliteConnectionStringBuilder(connectionString);

    public override async Task InitializeAsync(PanelDbContext db, CancellationToken cancellationToken)
    {
        // SQLite would create the file with the umask's mode. An empty file is an empty database to it, and the
        // WAL and shared-memory files take the database file's mode, so creating it owner-only covers all three.
        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        if (file.Mode != SqliteOpenMode.Memory && file.DataSource is { Length: > 0 } path && path != ":memory:")
        {
            OwnerOnly.CreateFileIfMissing(Path.GetFullPath(path));
        }

        // WAL is a property of the file: readers do not block the writer, and it persists across opens.
        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        await db.Database.CloseConnectionAsync();
    }

    /// <summary>
    /// Analyses the tables <c>PRAGMA optimize</c> names as stale, so a search leads with the substring index's ids, and
    /// keeps the search index's own tables without statistics; see <c>docs/decisions.md</c>, "User search".
    /// </summary>
    public override async Task RefreshStatisticsAsync(PanelDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            var stale = (await ReadLinesAsync(connection, "PRAGMA optimize=0x10003", cancellationToken))
                .Where(statement => !SearchIndexTables.Any(table => statement.Contains($"\"{table}\"", StringComparison.Ordinal)))
                .ToList();
            if (stale.Count > 0)
            {
                await ExecuteAsync(connection, "PRAGMA analysis_limit=400", cancellationToken);
                foreach (var statement in stale)
                {
                    await ExecuteAsync(connection, statement, cancellationToken);
                }
            }

            if (await ExecuteAsync(connection, ForgetSearchIndexStatistics, cancellationToken) == 0 && stale.Count == 0)
            {
                return;
            }

            // A connection plans with the statistics it read when it opened, so the pooled ones are opened anew.
            SqliteConnection.ClearPool(connection);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<int> ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<string>> ReadLinesAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var lines = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }

    // FTS5's shadow tables of users_search (external content: no content table).
    private static readonly string[] SearchIndexTables = ["users_search_data", "users_search_idx", "users_search_docsize", "users_search_config"];

    private static readonly string ForgetSearchIndexStatistics =
        $"DELETE FROM sqlite_stat1 WHERE tbl IN ({string.Join(", ", SearchIndexTables.Select(table => $"'{table}'"))})";

    /// <summary>
    /// Writes the dealer row, counting the change in <c>mfa_revision</c>: SQLite locks by its database write lock,
    /// which the first write of the transaction takes.
    /// </summary>
    public override async Task<bool> TakeDealerLockAsync(PanelDbContext db, long dealerId, CancellationToken cancellationToken) =>
        await db.Dealers.Where(d => d.Id == dealerId)
            .ExecuteUpdateAsync(
                setters => setters.SetProperty(d => EF.Property<long>(d, PanelDbContext.MfaRevision), d => EF.Property<long>(d, PanelDbContext.MfaRevision) + 1),
                cancellationToken) == 1;

    internal override LimitedInsert LimitedInsert { get; } = new SingleStatement();

    /// <summary>SQLite's built-in <c>lower</c> folds the ASCII letters only.</summary>
    internal override string LowerAsTheDatabase(string text) =>
        string.Create(text.Length, text, (lowered, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                lowered[i] = char.IsAsciiLetterUpper(source[i]) ? (char)(source[i] | 0x20) : source[i];
            }
        });

    /// <summary>
    /// The text as one FTS5 phrase (quotes doubled): rows where a column holds it, compared case-folded. Trigrams
    /// need three characters; a shorter phrase would match nothing, so shorter text is not served here.
    /// </summary>
    internal override IQueryable<long>? UserSearchCandidates(PanelDbContext db, string text, int limit) =>
        text.EnumerateRunes().Count() < 3
            ? null
            : db.Database.SqlQuery<long>($"SELECT rowid AS Value FROM users_search WHERE users_search MATCH {"\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""} LIMIT {limit}");

    public override DatabaseFault Classify(Exception exception) => exception switch
    {
        SqliteException { SqliteExtendedErrorCode: 2067 } => DatabaseFault.UniqueViolation, // SQLITE_CONSTRAINT_UNIQUE
        SqliteException { SqliteErrorCode: 5 or 6 or 10 or 14 } => DatabaseFault.Unavailable, // BUSY, LOCKED, IOERR, CANTOPEN
        _ => DatabaseFault.None,
    };

    /// <summary>
    /// SQLite takes its write lock when a writing statement starts, before the statement reads, so no other writer
    /// (another connection or process on the file) can insert between the count and the write.
    /// </summary>
    private sealed class SingleStatement : LimitedInsert
    {
        protected override async Task<long?> RunAsync(PanelDbContext db, string key, FormattableString prune, FormattableString insert, CancellationToken cancellationToken)
        {
            await db.Database.ExecuteSqlAsync(prune, cancellationToken);
            return await InsertedIdAsync(db, insert, cancellationToken);
        }
    }
}
