using Microsoft.EntityFrameworkCore;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Domain.Mfa;
using Navixy.Panel.Domain.Users;

namespace Navixy.Panel.Infrastructure.Persistence.Repositories;

internal sealed class UserRepository(PanelDbContext db, DatabaseOptions database) : IUserRepository
{
    // Compiled once per model: user/read runs it on every call.
    private static readonly CompiledQuery<Func<PanelDbContext, long, long, CancellationToken, Task<MasterRow?>>> FindMaster = new(() =>
        EF.CompileAsyncQuery((PanelDbContext db, long dealerId, long userId, CancellationToken _) => (
                from user in db.Users.AsNoTracking()
                join dealer in db.Dealers on user.DealerId equals dealer.Id
                where user.Id == userId && user.DealerId == dealerId && user.MasterId == null
                select new MasterRow(user, dealer.DefaultMfaAllowed, dealer.DefaultMfaFactorTypes, dealer.Blocked))
            .FirstOrDefault()));

    public async Task<UserWithMfa?> FindMasterWithMfaAsync(long dealerId, long userId, CancellationToken cancellationToken)
    {
        var row = await FindMaster.For(db)(db, dealerId, userId, cancellationToken);
        return row is null
            ? null
            : new UserWithMfa(row.User, row.User.OwnMfaSettings, MfaSettings.FromStorage(row.DefaultAllowed, row.DefaultFactorTypes), row.DealerBlocked);
    }

    public Task<User?> FindAsync(long userId, CancellationToken cancellationToken) =>
        db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);

    public async Task<UserWithMfa?> FindByLoginWithMfaAsync(string login, CancellationToken cancellationToken)
    {
        var key = User.LoginKeyOf(login);
        var row = await (
                from user in db.Users
                where user.LoginKey == key
                join dealer in db.Dealers on user.DealerId equals dealer.Id
                from master in db.Users.Where(m => m.Id == user.MasterId).DefaultIfEmpty()
                select new
                {
                    User = user,
                    AccountAllowed = master == null ? user.MfaAllowed : master.MfaAllowed,
                    AccountFactors = master == null ? user.MfaFactorTypes : master.MfaFactorTypes,
                    dealer.DefaultMfaAllowed,
                    dealer.DefaultMfaFactorTypes,
                    dealer.Blocked,
                })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null
            ? null
            : new UserWithMfa(
                row.User,
                MfaSettings.FromStorage(row.AccountAllowed, row.AccountFactors),
                MfaSettings.FromStorage(row.DefaultMfaAllowed, row.DefaultMfaFactorTypes),
                row.Blocked);
    }

    public Task<bool> LoginExistsAsync(string login, CancellationToken cancellationToken)
    {
        var key = User.LoginKeyOf(login);
        return db.Users.AnyAsync(u => u.LoginKey == key, cancellationToken);
    }

    public async Task<IReadOnlyCollection<string>> FindTakenLoginsAsync(IReadOnlyCollection<string> logins, CancellationToken cancellationToken)
    {
        var taken = new List<string>();
        // Chunked so the IN list stays within every provider's parameter limits.
        foreach (var chunk in logins.Select(User.LoginKeyOf).Distinct().Chunk(500))
        {
            taken.AddRange(await db.Users.AsNoTracking().Where(u => chunk.Contains(u.LoginKey)).Select(u => u.LoginKey).ToListAsync(cancellationToken));
        }

        return taken;
    }

    public async Task<UserPage> ListMastersAsync(
        long dealerId,
        string? filter,
        UserOrder orderBy,
        bool ascending,
        int offset,
        int limit,
        CancellationToken cancellationToken)
    {
        var query = db.Users.AsNoTracking().Where(u => u.DealerId == dealerId && u.MasterId == null);
        if (!string.IsNullOrWhiteSpace(filter))
        {
            var text = filter.Trim().ToLowerInvariant();
            var id = long.TryParse(text, out var parsed) ? parsed : (long?)null;
            // The provider's index narrows the rows to those it finds; the exact condition below still decides.
            if (database.Provider.UserSearchCandidates(db, text, id) is { } candidates)
            {
                query = query.Where(u => candidates.Contains(u.Id));
            }

            query = query.Where(u =>
                u.Id == id
                || u.LoginKey.Contains(text)
                || u.FirstName.ToLower().Contains(text)
                || u.MiddleName.ToLower().Contains(text)
                || u.LastName.ToLower().Contains(text)
                || u.LegalName.ToLower().Contains(text)
                || u.Phone.Contains(text));
        }

        var count = string.IsNullOrWhiteSpace(filter) && database.Provider.KeptMasterCount(db, dealerId) is { } kept
            ? (int)await kept.FirstOrDefaultAsync(cancellationToken)
            : await query.CountAsync(cancellationToken);
        var ordered = (orderBy, ascending) switch
        {
            (UserOrder.Login, true) => query.OrderBy(u => u.LoginKey).ThenBy(u => u.Id),
            (UserOrder.Login, false) => query.OrderByDescending(u => u.LoginKey).ThenByDescending(u => u.Id),
            (UserOrder.LastName, true) => query.OrderBy(u => u.LastName).ThenBy(u => u.Id),
            (UserOrder.LastName, false) => query.OrderByDescending(u => u.LastName).ThenByDescending(u => u.Id),
            (_, true) => query.OrderBy(u => u.Id),
            (_, false) => query.OrderByDescending(u => u.Id),
        };
        var users = count == 0 ? [] : await ordered.Skip(offset).Take(limit).ToListAsync(cancellationToken);
        return new UserPage(users, count);
    }

    public Task<int> SetMfaForAllAsync(long dealerId, MfaSettings settings, DateTime now, CancellationToken cancellationToken) =>
        SetMfa(db.Users.Where(u => u.DealerId == dealerId && u.MasterId == null), settings, now, cancellationToken);

    public Task<int> SetMfaForSelectedAsync(
        long dealerId,
        IReadOnlyCollection<long> ids,
        MfaSettings settings,
        DateTime now,
        CancellationToken cancellationToken)
    {
        var distinct = ids.Distinct().ToArray();
        return SetMfa(db.Users.Where(u => u.DealerId == dealerId && u.MasterId == null && distinct.Contains(u.Id)), settings, now, cancellationToken);
    }

    public void Add(User user) => db.Users.Add(user);

    public void AddRange(IEnumerable<User> users) => db.Users.AddRange(users);

    public async Task<IReadOnlyList<PendingPassword>> FindPendingPasswordsAsync(long afterId, int limit, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking()
            .Where(u => u.PendingPassword != null && u.Id > afterId)
            .OrderBy(u => u.Id)
            .Take(limit)
            .Select(u => new PendingPassword(u.Id, u.PendingPassword!))
            .ToListAsync(cancellationToken);

    // Conditional: a sign-in or another instance that hashed it first keeps its hash.
    public async Task<bool> CompletePendingPasswordAsync(long userId, string passwordHash, CancellationToken cancellationToken) =>
        await db.Users
            .Where(u => u.Id == userId && u.PendingPassword != null)
            .ExecuteUpdateAsync(setters => setters.SetProperty(u => u.PasswordHash, passwordHash).SetProperty(u => u.PendingPassword, (byte[]?)null), cancellationToken) > 0;

    public Task<int> CountPendingPasswordsAsync(CancellationToken cancellationToken) =>
        db.Users.CountAsync(u => u.PendingPassword != null, cancellationToken);

    // Set-based: one UPDATE over the target, bypassing the change tracker, so it sets its own timestamp.
    private static Task<int> SetMfa(IQueryable<User> target, MfaSettings settings, DateTime now, CancellationToken cancellationToken) =>
        target.ExecuteUpdateAsync(
            setters => setters
                .SetProperty(u => u.MfaAllowed, settings.IsAllowed)
                .SetProperty(u => u.MfaFactorTypes, settings.FactorTypes)
                .SetProperty(u => u.MfaUpdatedAt, now),
            cancellationToken);

    private sealed record MasterRow(User User, bool? DefaultAllowed, MfaFactorTypes DefaultFactorTypes, bool DealerBlocked);
}
