using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Application.Notifications;
using Navixy.Panel.Domain.Notifications;
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
        bool? mfaAllowed,
        MfaSettings? dealerDefault,
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
            // The names are compared lowered by the database. On SQLite that folds ASCII only, so the filter is also
            // compared lowered that way: "ИВАН" then finds "ИВАН", and "ИВАН" lowered by .NET still finds "иван".
            var asTheDatabase = database.Provider.LowerAsTheDatabase(filter.Trim());
            var id = long.TryParse(text, out var parsed) ? parsed : (long?)null;
            // The provider's index narrows the rows to the few it finds (and the filter read as an id), read once for
            // the count and the page; the exact condition below still decides. When it finds more, many users match:
            // a pass over the dealer's masters with the condition alone is then cheaper (docs/decisions.md, "User search").
            if (database.Provider.UserSearchCandidates(db, text, database.SearchCandidateLimit + 1) is { } candidates
                && await candidates.ToListAsync(cancellationToken) is var found
                && found.Count <= database.SearchCandidateLimit)
            {
                if (id is { } asId)
                {
                    found.Add(asId);
                }

                // One parameter (SQLite: JSON, PostgreSQL: an array): as thousands of parameters the statement cost
                // more to prepare than to run.
                query = query.Where(u => EF.Parameter(found).Contains(u.Id));
            }

            query = query.Where(UserSearchCondition.Matches(id, text, asTheDatabase != text ? asTheDatabase : null));
        }

        var enforced = MfaPredicates.EnforcedAtSignIn(dealerDefault);
        if (mfaAllowed is { } wanted)
        {
            query = query.Where(wanted ? enforced : MfaPredicates.Not(enforced));
        }

        // The kept count is the dealer's masters: exact only while no condition narrows them.
        var count = string.IsNullOrWhiteSpace(filter) && mfaAllowed is null && database.Provider.KeptMasterCount(db, dealerId) is { } kept
            ? (int)await kept.FirstOrDefaultAsync(cancellationToken)
            : await query.CountAsync(cancellationToken);
        if (count == 0)
        {
            return new UserPage([], 0);
        }

        if (orderBy == UserOrder.MfaAllowed)
        {
            return new UserPage(await PageByMfaAllowedAsync(query, enforced, ascending, offset, limit, cancellationToken), count);
        }

        var ordered = (orderBy, ascending) switch
        {
            (UserOrder.Login, true) => query.OrderBy(u => u.LoginKey).ThenBy(u => u.Id),
            (UserOrder.Login, false) => query.OrderByDescending(u => u.LoginKey).ThenByDescending(u => u.Id),
            (UserOrder.LastName, true) => query.OrderBy(u => u.LastName).ThenBy(u => u.Id),
            (UserOrder.LastName, false) => query.OrderByDescending(u => u.LastName).ThenByDescending(u => u.Id),
            (_, true) => query.OrderBy(u => u.Id),
            (_, false) => query.OrderByDescending(u => u.Id),
        };
        return new UserPage(await ordered.Skip(offset).Take(limit).ToListAsync(cancellationToken), count);
    }

    public async Task<MfaChangeFigures> CountMfaChangeAsync(
        long dealerId,
        IReadOnlyCollection<long>? ids,
        MfaSettings settings,
        MfaSettings? dealerDefault,
        CancellationToken cancellationToken)
    {
        var target = db.Users.AsNoTracking().Where(u => u.DealerId == dealerId && u.MasterId == null);
        if (ids is not null)
        {
            var distinct = ids.Distinct().ToArray();
            target = target.Where(u => distinct.Contains(u.Id));
        }

        // After the change the user's own setting is `settings`, so its effective setting changes unless it already is that.
        // Grouped by the dealer (one group) rather than a constant: SQLite then aggregates along the dealer's index
        // instead of sorting every row into a temporary B-tree first (half again as slow at a million).
        var unchanged = MfaPredicates.EffectiveIs(settings, dealerDefault);
        var figures = await target
            .Select(MfaPredicates.AsChangeRow(unchanged))
            .GroupBy(r => r.DealerId)
            .Select(g => new MfaChangeFigures(g.Count(), g.Count(r => !r.Demo && !r.Unchanged), g.Count(r => r.Demo)))
            .FirstOrDefaultAsync(cancellationToken);
        return figures ?? new MfaChangeFigures(0, 0, 0);
    }

    public async Task<(int Following, int Demo)> CountFollowingDefaultAsync(long dealerId, CancellationToken cancellationToken)
    {
        var counts = await db.Users.AsNoTracking()
            .Where(u => u.DealerId == dealerId && u.MasterId == null && u.MfaAllowed == null)
            .GroupBy(u => u.DealerId)
            .Select(g => new { Following = g.Count(), Demo = g.Count(u => u.Demo) })
            .FirstOrDefaultAsync(cancellationToken);
        return counts is null ? (0, 0) : (counts.Following, counts.Demo);
    }

    public Task<int> SetMfaForAllAsync(long dealerId, MfaSettings settings, DateTime now, MfaNoticeMark? notice, CancellationToken cancellationToken) =>
        SetMfa(db.Users.Where(u => u.DealerId == dealerId && u.MasterId == null), settings, now, notice, cancellationToken);

    public Task<int> SetMfaForSelectedAsync(
        long dealerId,
        IReadOnlyCollection<long> ids,
        MfaSettings settings,
        DateTime now,
        MfaNoticeMark? notice,
        CancellationToken cancellationToken)
    {
        var distinct = ids.Distinct().ToArray();
        return SetMfa(db.Users.Where(u => u.DealerId == dealerId && u.MasterId == null && distinct.Contains(u.Id)), settings, now, notice, cancellationToken);
    }

    public Task MarkDefaultFollowersAsync(long dealerId, MfaNoticeMark notice, CancellationToken cancellationToken)
    {
        var followers = db.Users.Where(u => u.DealerId == dealerId && u.MasterId == null && u.MfaAllowed == null && !u.Demo);
        var batchId = (long?)notice.BatchId;
        return notice.Kind == MfaNoticeKind.TurnedOff
            ? followers.ExecuteUpdateAsync(s => s.SetProperty(u => u.MfaOffNoticeBatchId, batchId), cancellationToken)
            : followers.ExecuteUpdateAsync(s => s.SetProperty(u => u.MfaOnNoticeBatchId, batchId), cancellationToken);
    }

    public void Add(User user) => db.Users.Add(user);

    public Task AddManyAsync(IReadOnlyCollection<User> users, CancellationToken cancellationToken) => database.Provider.AddUsersAsync(db, users, cancellationToken);

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

    // Set-based: one UPDATE over the target, bypassing the change tracker, so it sets its own timestamp. A notice
    // mark is one more SET of a CASE in the same statement; SQL evaluates it on the row as it was before the UPDATE,
    // so "was on" (sign-in asked for a code, MfaPredicates' one rule) is read off the old own setting.
    private static Task<int> SetMfa(IQueryable<User> target, MfaSettings settings, DateTime now, MfaNoticeMark? notice, CancellationToken cancellationToken)
    {
        var batchId = (long?)notice?.BatchId;
        var defaultAllowed = notice?.DefaultAllowed ?? false;
        return target.ExecuteUpdateAsync(
            setters =>
            {
                setters
                    .SetProperty(u => u.MfaAllowed, settings.IsAllowed)
                    .SetProperty(u => u.MfaFactorTypes, settings.FactorTypes)
                    .SetProperty(u => u.MfaUpdatedAt, now);
                switch (notice?.Kind)
                {
                    case MfaNoticeKind.TurnedOff:
                        setters.SetProperty(
                            u => u.MfaOffNoticeBatchId,
                            MfaPredicates.MarkWhere(MfaPredicates.EnforcedAtSignIn(defaultAllowed), u => u.MfaOffNoticeBatchId, batchId));
                        break;
                    case MfaNoticeKind.TurnedOn:
                        setters.SetProperty(
                            u => u.MfaOnNoticeBatchId,
                            MfaPredicates.MarkWhere(MfaPredicates.NotEnforcedForNonDemo(defaultAllowed), u => u.MfaOnNoticeBatchId, batchId));
                        break;
                }
            },
            cancellationToken);
    }

    // Ordered by the enforced value, then id: the two values' pages are read one after the other, each along the id order
    // index with the value as a residual condition, so a page never sorts the dealer's users (docs/decisions.md).
    private static async Task<List<User>> PageByMfaAllowedAsync(
        IQueryable<User> query,
        Expression<Func<User, bool>> enforced,
        bool ascending,
        int offset,
        int limit,
        CancellationToken cancellationToken)
    {
        var (first, second) = ascending ? (MfaPredicates.Not(enforced), enforced) : (enforced, MfaPredicates.Not(enforced));
        IQueryable<User> ById(IQueryable<User> part) => ascending ? part.OrderBy(u => u.Id) : part.OrderByDescending(u => u.Id);

        var page = await ById(query.Where(first)).Skip(offset).Take(limit).ToListAsync(cancellationToken);
        if (page.Count < limit)
        {
            // A short page ended the first part; an empty one needs its size to know where in the second part to start.
            var firstCount = page.Count > 0 ? offset + page.Count : await query.Where(first).CountAsync(cancellationToken);
            page.AddRange(await ById(query.Where(second)).Skip(Math.Max(0, offset - firstCount)).Take(limit - page.Count).ToListAsync(cancellationToken));
        }

        return page;
    }

    private sealed record MasterRow(User User, bool? DefaultAllowed, MfaFactorTypes DefaultFactorTypes, bool DealerBlocked);
}
