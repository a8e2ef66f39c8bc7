using System.Data.Common;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore.Storage;

namespace Navixy.Panel.Infrastructure.Persistence;

/// <summary>Tells a database that is down from one that failed a statement, asking each provider about its own exceptions.</summary>
public static class DatabaseFaults
{
    public static DatabaseFault Classify(Exception exception)
    {
        var fault = DatabaseFault.None;
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is RetryLimitExceededException or SocketException)
            {
                return DatabaseFault.Unavailable;
            }

            foreach (var provider in DatabaseProvider.All)
            {
                if (provider.Classify(current) is not DatabaseFault.None and var own)
                {
                    return own;
                }
            }

            if (current is DbException)
            {
                fault = DatabaseFault.Error;
            }
        }

        return fault;
    }
}
