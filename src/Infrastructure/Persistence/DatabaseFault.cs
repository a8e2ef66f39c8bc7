namespace Navixy.Panel.Infrastructure.Persistence;

public enum DatabaseFault
{
    None,

    /// <summary>The database cannot be reached now or timed out (code 14): worth retrying later.</summary>
    Unavailable,

    /// <summary>The database refused or failed a statement (code 1).</summary>
    Error,

    /// <summary>A unique key was violated: the request conflicts with data that exists.</summary>
    UniqueViolation,

    /// <summary>A deadlock victim or a serialization failure: the transaction is retried as a whole.</summary>
    Retry,
}
