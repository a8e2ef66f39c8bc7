using Navixy.Panel.Domain.Mfa;
using Navixy.Panel.Domain.Users;

namespace Navixy.Panel.Application.Common.Interfaces;

public enum UserOrder
{
    Id,
    Login,
    LastName,
}

/// <summary>A page of master users and the total before paging.</summary>
public sealed record UserPage(IReadOnlyList<User> Users, int Count);

/// <summary>A user with the MFA settings that decide its effective setting: its account's own and the dealer default.</summary>
public sealed record UserWithMfa(User User, MfaSettings? AccountMfa, MfaSettings? DealerDefault, bool DealerBlocked)
{
    public MfaSettings EffectiveMfa => MfaSettings.Effective(AccountMfa, DealerDefault);
}

/// <summary>A user whose imported password is still sealed (<see cref="User.PendingPassword"/>).</summary>
public sealed record PendingPassword(long UserId, byte[] SealedPassword);

public interface IUserRepository
{
    /// <summary>Pending passwords of users after <paramref name="afterId"/>, in id order, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<PendingPassword>> FindPendingPasswordsAsync(long afterId, int limit, CancellationToken cancellationToken);

    /// <summary>Stores the hash in place of the user's pending password; false when it was no longer pending.</summary>
    Task<bool> CompletePendingPasswordAsync(long userId, string passwordHash, CancellationToken cancellationToken);

    Task<int> CountPendingPasswordsAsync(CancellationToken cancellationToken);

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
