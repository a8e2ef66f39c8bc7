using Navixy.Panel.Domain.Mfa;
using Navixy.Panel.Domain.Users;

namespace Navixy.Panel.Application.Common.Interfaces;

public interface IUserRepository
{
    /// <summary>
    /// A master user of the dealer (untracked, for reading) with its own MFA setting and the dealer default, in one
    /// query; null for a missing user, a sub-user or another dealer's user.
    /// </summary>
    Task<UserWithMfa?> FindMasterWithMfaAsync(long dealerId, long userId, CancellationToken cancellationToken);

    Task<User?> FindAsync(long userId, CancellationToken cancellationToken);

    /// <summary>A user by login (case-insensitive) with its account's MFA setting and the dealer default.</summary>
    Task<UserWithMfa?> FindByLoginWithMfaAsync(string login, CancellationToken cancellationToken);

    Task<bool> LoginExistsAsync(string login, CancellationToken cancellationToken);

    /// <summary>Which of the given logins are already taken, compared case-insensitively.</summary>
    Task<IReadOnlyCollection<string>> FindTakenLoginsAsync(IReadOnlyCollection<string> logins, CancellationToken cancellationToken);

    Task<UserPage> ListMastersAsync(
        long dealerId,
        string? filter,
        UserOrder orderBy,
        bool ascending,
        int offset,
        int limit,
        CancellationToken cancellationToken);

    /// <summary>Sets the own MFA setting of every master user of the dealer in one statement; returns rows changed.</summary>
    Task<int> SetMfaForAllAsync(long dealerId, MfaSettings settings, DateTime now, CancellationToken cancellationToken);

    /// <summary>
    /// Sets the own MFA setting of the listed master users of the dealer in one statement; returns how many rows it
    /// changed, which is fewer than the distinct ids when one is not a master user of the dealer.
    /// </summary>
    Task<int> SetMfaForSelectedAsync(
        long dealerId,
        IReadOnlyCollection<long> ids,
        MfaSettings settings,
        DateTime now,
        CancellationToken cancellationToken);

    void Add(User user);

    void AddRange(IEnumerable<User> users);
}
