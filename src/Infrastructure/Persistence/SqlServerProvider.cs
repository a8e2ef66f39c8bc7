using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

namespace Navixy.Panel.Infrastructure.Persistence;

/// <summary>
/// SQL Server: a server database that several API instances may share. It has no LISTEN/NOTIFY, so this instance
/// cannot hear changes made by others and the read cache is off (every read goes to the database); see
/// <c>docs/decisions.md</c>, "SQL Server".
/// </summary>
internal sealed class SqlServerProvider : DatabaseProvider
{
    /// <summary>
    /// Timeout (-2), network and connection failures (53, 35, 40, 233, 64, 10053, 10054, 10060, 10061, 11001), the
    /// database or login refused (4060, 18456, 18452), lock request timeout (1222), server busy or failing over
    /// (Azure SQL's 40197, 40501, 40613, 49918, 49919, 49920, 10928, 10929).
    /// </summary>
    private static readonly HashSet<int> UnavailableNumbers =
        [-2, 35, 40, 53, 64, 233, 1222, 4060, 10053, 10054, 10060, 10061, 10928, 10929, 11001, 18452, 18456, 40197, 40501, 40613, 49918, 49919, 49920];

    public override string Name => "SqlServer";

    public override string EntityFrameworkName => "Microsoft.EntityFrameworkCore.SqlServer";

    public override string OfflineConnectionString => "Server=127.0.0.1;Database=panel;Integrated Security=false";

    public override void Use(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlServer(connectionString, sql => sql.ExecutionStrategy(d => new RetryOnConflictStrategy(d, this)));

    protected override DbConnectionStringBuilder ConnectionStringBuilder(string connectionString) => new SqlConnectionStringBuilder(connectionString);

    /// <summary>
    /// An update lock on the dealer's row until the transaction ends: <c>UPDLOCK</c> makes a second taker wait
    /// (readers do not), <c>ROWLOCK</c> keeps it to the row, <c>HOLDLOCK</c> to the end of the transaction.
    /// </summary>
    public override async Task<bool> TakeDealerLockAsync(PanelDbContext db, long dealerId, CancellationToken cancellationToken) =>
        (await db.Database.SqlQuery<long>($"SELECT d.id AS [Value] FROM dealers AS d WITH (UPDLOCK, HOLDLOCK, ROWLOCK) WHERE d.id = {dealerId}")
            .ToListAsync(cancellationToken)).Count == 1;

    internal override LimitedInsert LimitedInsert { get; } = new UnderApplicationLock();

    public override DatabaseFault Classify(Exception exception) => exception switch
    {
        SqlException { Number: 2601 or 2627 } => DatabaseFault.UniqueViolation, // duplicate key in a unique index / constraint
        SqlException { Number: 1205 or 3960 } => DatabaseFault.Retry, // deadlock victim, snapshot update conflict
        SqlException { Number: var number } when UnavailableNumbers.Contains(number) => DatabaseFault.Unavailable,
        _ => DatabaseFault.None,
    };

    /// <summary>
    /// Under read committed two concurrent inserts could each count before the other's row is committed and both pass.
    /// An exclusive application lock on the subject (<c>sp_getapplock</c>, held to the end of the transaction) queues
    /// them; the count is a later statement, so even under read committed snapshot it sees every event committed
    /// before the lock was granted. Lock, prune and insert go as one batch, one round trip. Keys longer than the lock's
    /// 255 characters are cut, so two such subjects alike in their first 255 only wait their turns. The id comes back
    /// through <c>OUTPUT</c>: SQL Server has no <c>RETURNING</c>.
    /// </summary>
    private sealed class UnderApplicationLock : LimitedInsert
    {
        protected override string InsertSql(string table, string columns, string values, string condition) =>
            $"INSERT INTO {table} ({columns}) OUTPUT inserted.id AS [Value] SELECT {values} WHERE {condition}";

        protected override Task<long?> RunAsync(PanelDbContext db, string key, FormattableString prune, FormattableString insert, CancellationToken cancellationToken)
        {
            // prune and insert share one argument list; the key goes after it. A lock not granted (a negative result:
            // timeout, deadlock victim) fails the batch rather than count unlocked.
            var arguments = insert.GetArguments();
            var keyAt = "{" + arguments.Length.ToString(CultureInfo.InvariantCulture) + "}";
            var batch = FormattableStringFactory.Create(
                "BEGIN TRY BEGIN TRANSACTION; DECLARE @granted int; "
                + $"EXEC @granted = sp_getapplock @Resource = {keyAt}, @LockMode = 'Exclusive', @LockOwner = 'Transaction'; "
                + "IF @granted < 0 THROW 51000, 'sp_getapplock did not grant the lock', 1; "
                + $"{prune.Format}; {insert.Format}; COMMIT; "
                + "END TRY BEGIN CATCH IF @@TRANCOUNT > 0 ROLLBACK; THROW; END CATCH",
                [.. arguments, key]);
            return InsertedIdAsync(db, batch, cancellationToken);
        }
    }
}
