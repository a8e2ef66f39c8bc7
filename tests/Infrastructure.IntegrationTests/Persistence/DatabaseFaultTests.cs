using System.Reflection;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Navixy.Panel.Infrastructure.Persistence;
using Npgsql;

namespace Navixy.Panel.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// What each provider's errors mean, from the client libraries' real exception types: a unique violation, a fault to
/// retry (deadlock, serialization), an unavailable or timed-out database (code 14), or a failed statement (code 1).
/// </summary>
public sealed class DatabaseFaultTests
{
    [TestCase(19, 2067, DatabaseFault.UniqueViolation)] // SQLITE_CONSTRAINT_UNIQUE
    [TestCase(5, 5, DatabaseFault.Unavailable)] // BUSY
    [TestCase(6, 6, DatabaseFault.Unavailable)] // LOCKED
    [TestCase(14, 14, DatabaseFault.Unavailable)] // CANTOPEN
    [TestCase(19, 787, DatabaseFault.Error)] // SQLITE_CONSTRAINT_FOREIGNKEY
    [TestCase(1, 1, DatabaseFault.Error)] // syntax and other errors
    public void Sqlite(int code, int extendedCode, DatabaseFault expected) =>
        Assert.That(DatabaseFaults.Classify(new SqliteException("sqlite", code, extendedCode)), Is.EqualTo(expected));

    [Test]
    public void Sqlite_RealUniqueViolation()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE t (k TEXT UNIQUE); INSERT INTO t VALUES ('a'); INSERT INTO t VALUES ('a');";
        var ex = Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());
        Assert.That(DatabaseFaults.Classify(ex!), Is.EqualTo(DatabaseFault.UniqueViolation));
    }

    [TestCase("23505", DatabaseFault.UniqueViolation)]
    [TestCase("40P01", DatabaseFault.Retry)] // deadlock_detected
    [TestCase("40001", DatabaseFault.Retry)] // serialization_failure
    [TestCase("08006", DatabaseFault.Unavailable)] // connection_failure
    [TestCase("57P01", DatabaseFault.Unavailable)] // admin_shutdown
    [TestCase("53300", DatabaseFault.Unavailable)] // too_many_connections
    [TestCase("57014", DatabaseFault.Unavailable)] // query_canceled: statement timeout
    [TestCase("23503", DatabaseFault.Error)] // foreign_key_violation
    [TestCase("42601", DatabaseFault.Error)] // syntax_error
    public void Postgres(string sqlState, DatabaseFault expected) =>
        Assert.That(DatabaseFaults.Classify(new PostgresException("postgres", "ERROR", "ERROR", sqlState)), Is.EqualTo(expected));

    [Test]
    public void Postgres_NoServer_IsUnavailable()
    {
        using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={ClosedPort()};Timeout=2;Pooling=false");
        var ex = Assert.Catch<Exception>(() => connection.Open());
        Assert.That(DatabaseFaults.Classify(ex!), Is.EqualTo(DatabaseFault.Unavailable), ex!.ToString());
    }

    [TestCase(2601, DatabaseFault.UniqueViolation)] // duplicate key row in a unique index
    [TestCase(2627, DatabaseFault.UniqueViolation)] // violation of a unique or primary key constraint
    [TestCase(1205, DatabaseFault.Retry)] // deadlock victim
    [TestCase(-2, DatabaseFault.Unavailable)] // timeout
    [TestCase(53, DatabaseFault.Unavailable)] // server not found or not reachable
    [TestCase(4060, DatabaseFault.Unavailable)] // cannot open the database
    [TestCase(18456, DatabaseFault.Unavailable)] // login failed
    [TestCase(1222, DatabaseFault.Unavailable)] // lock request timeout
    [TestCase(40613, DatabaseFault.Unavailable)] // Azure SQL: database not currently available
    [TestCase(547, DatabaseFault.Error)] // constraint (foreign key) conflict
    [TestCase(102, DatabaseFault.Error)] // syntax error
    public void SqlServer(int number, DatabaseFault expected) =>
        Assert.That(DatabaseFaults.Classify(SqlExceptionWithNumber(number)), Is.EqualTo(expected));

    [Test]
    public void SqlServer_NoServer_IsUnavailable()
    {
        using var connection = new SqlConnection($"Server=tcp:127.0.0.1,{ClosedPort()};Connect Timeout=3;Encrypt=false;Pooling=false");
        var ex = Assert.Catch<Exception>(() => connection.Open());
        Assert.That(DatabaseFaults.Classify(ex!), Is.EqualTo(DatabaseFault.Unavailable), ex!.ToString());
    }

    [Test]
    public void NonDatabaseException_IsNone() =>
        Assert.That(DatabaseFaults.Classify(new InvalidOperationException("x")), Is.EqualTo(DatabaseFault.None));

    /// <summary>
    /// SqlClient builds its exceptions only internally: an <c>SqlError</c> with the number, in an
    /// <c>SqlErrorCollection</c>, made into an exception by <c>SqlException.CreateException</c>.
    /// </summary>
    private static SqlException SqlExceptionWithNumber(int number)
    {
        const BindingFlags Internal = BindingFlags.Instance | BindingFlags.NonPublic;
        var errorCtor = typeof(SqlError).GetConstructors(Internal).OrderByDescending(c => c.GetParameters().Length).First();
        var arguments = errorCtor.GetParameters().Select((p, i) => i == 0 ? number : p.ParameterType switch
        {
            var t when t == typeof(string) => "sql server",
            var t when t == typeof(byte) => (byte)16,
            var t when t.IsValueType => Activator.CreateInstance(t),
            _ => null,
        }).ToArray();
        var error = (SqlError)errorCtor.Invoke(arguments);
        var errors = (SqlErrorCollection)typeof(SqlErrorCollection).GetConstructor(Internal, Type.EmptyTypes)!.Invoke(null);
        typeof(SqlErrorCollection).GetMethod("Add", Internal)!.Invoke(errors, [error]);
        var create = typeof(SqlException).GetMethod("CreateException", BindingFlags.Static | BindingFlags.NonPublic, [typeof(SqlErrorCollection), typeof(string)])!;
        var exception = (SqlException)create.Invoke(null, [errors, "16.0"])!;
        Assert.That(exception.Number, Is.EqualTo(number));
        return exception;
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
