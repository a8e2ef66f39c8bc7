using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Navixy.Panel.Infrastructure.Storage;

namespace Navixy.Panel.Infrastructure.Persistence;

/// <summary>SQLite: one process's embedded database file in the data folder, the default.</summary>
internal sealed class SqliteProvider : DatabaseProvider
{
    public override string Name => "Sqlite";

    // One process's database: every change is made (and forgotten) here.
    public override bool OwnsAllChanges => true;

    public override string OfflineConnectionString => "Data Source=:memory:";

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

    public override async Task InitializeAsync(PanelDbContext db, CancellationToken cancellationToken)
    {
        // SQLite would create the file with the umask's mode. An empty file is an empty database to it, and the
        // WAL and shared-memory files take the database file's mode, so creating it owner-only covers all three.
        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        if (file.Mode != SqliteOpenMode.Memory && file.DataSource is { Length: > 0 } path && path != ":memory:")
        {
            OwnerOnly.CreateFileIfMissing(Path.GetFullPath(path));
        }

        // WAL is a property of the file: readers no longer block the writer, and it persists across opens.
        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        await db.Database.CloseConnectionAsync();
    }

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
