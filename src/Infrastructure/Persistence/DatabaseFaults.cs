using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Navixy.Panel.Infrastructure.Persistence;

public enum DatabaseFault
{
    None,

    /// <summary>The database cannot be reached now (code 14): worth retrying later.</summary>
    Unavailable,

    /// <summary>The database refused or failed a statement (code 1).</summary>
    Error,
}

/// <summary>Tells a database that is down from one that failed a statement, across providers.</summary>
public static class DatabaseFaults
{
    public static DatabaseFault Classify(Exception exception)
    {
        var fault = DatabaseFault.None;
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case RetryLimitExceededException:
                case SocketException:
                case NpgsqlException { IsTransient: true }:
                case PostgresException { SqlState: var state } when state.StartsWith("08", StringComparison.Ordinal) || state is "57P01" or "57P02" or "57P03" or "53300":
                case SqliteException { SqliteErrorCode: 5 or 6 or 10 or 14 }: // BUSY, LOCKED, IOERR, CANTOPEN
                    return DatabaseFault.Unavailable;
                case NpgsqlException when current.InnerException is IOException or TimeoutException:
                    return DatabaseFault.Unavailable;
                case DbException:
                    fault = DatabaseFault.Error;
                    break;
            }
        }

        return fault;
    }
}
