namespace Navixy.Panel.Application.Common.Interfaces;

/// <summary>Commits what the repositories staged; the database context implements it.</summary>
public interface IUnitOfWork
{
    Task SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in one database transaction, committing when it returns and rolling back
    /// when it throws. Staged changes are saved before the commit.
    /// </summary>
    Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}
