using Navixy.Panel.Application.Notifications;
using Navixy.Panel.Domain.Mfa;
using Navixy.Panel.Domain.Users;

namespace Navixy.Panel.Application.Common.Interfaces;

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

    /// <summary>
    /// A page of the dealer's master users and the exact total before paging. <paramref name="mfaAllowed"/> keeps only
    /// those whose <see cref="MfaSettings.EnforcedAtSignIn"/> is that value, which needs the dealer's default.
    /// </summary>
    Task<UserPage> ListMastersAsync(
        long dealerId,
        string? filter,
        bool? mfaAllowed,
        MfaSettings? dealerDefault,
        UserOrder orderBy,
        bool ascending,
        int offset,
        int limit,
        CancellationToken cancellationToken);

    /// <summary>
    /// Sets the own MFA setting of every master user of the dealer in one statement; returns rows changed. With a
    /// <paramref name="notice"/>, the same statement marks the users whose effective setting it changes.
    /// </summary>
    Task<int> SetMfaForAllAsync(long dealerId, MfaSettings settings, DateTime now, MfaNoticeMark? notice, CancellationToken cancellationToken);

    /// <summary>
    /// Sets the own MFA setting of the listed master users of the dealer in one statement; returns how many rows it
    /// changed, which is fewer than the distinct ids when one is not a master user of the dealer.
    /// </summary>
    Task<int> SetMfaForSelectedAsync(
        long dealerId,
        IReadOnlyCollection<long> ids,
        MfaSettings settings,
        DateTime now,
        MfaNoticeMark? notice,
        CancellationToken cancellationToken);

    /// <summary>
    /// What setting <paramref name="settings"/> on all (<paramref name="ids"/> null) or the listed master users of the
    /// dealer would do, counted in one statement without loading a user; <c>Matched</c> below the distinct ids means
    /// one is not a master user of the dealer.
    /// </summary>
    Task<MfaChangeFigures> CountMfaChangeAsync(
        long dealerId,
        IReadOnlyCollection<long>? ids,
        MfaSettings settings,
        MfaSettings? dealerDefault,
        CancellationToken cancellationToken);

    /// <summary>The dealer's master users without an own setting (they follow the default), and how many are demo users.</summary>
    Task<(int Following, int Demo)> CountFollowingDefaultAsync(long dealerId, CancellationToken cancellationToken);

    /// <summary>Marks, in one statement, the non-demo master users of the dealer that follow its default (no setting of their own).</summary>
    Task MarkDefaultFollowersAsync(long dealerId, MfaNoticeMark notice, CancellationToken cancellationToken);

    void Add(User user);

    /// <summary>Saves many new users at once, inside the caller's transaction (an upload).</summary>
    Task AddManyAsync(IReadOnlyCollection<User> users, CancellationToken cancellationToken);
}
