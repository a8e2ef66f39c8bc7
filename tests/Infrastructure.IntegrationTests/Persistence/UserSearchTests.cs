using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Domain.Dealers;
using Navixy.Panel.Domain.Users;
using Navixy.Panel.Infrastructure.IntegrationTests.Support;
using Navixy.Panel.Infrastructure.Persistence;
using Navixy.Panel.Infrastructure.Persistence.Repositories;
using Navixy.Panel.TestSupport;

namespace Navixy.Panel.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// panel/user/list through the provider's substring index gives exactly what the plain condition gives: a
/// randomized corpus (mixed case, accents, Cyrillic, digits, <c>%</c>, <c>_</c>, quotes) against the expected
/// result computed here with that condition's semantics, every page and count, after inserts, sub-users, edits,
/// deletes and uploads (one refused), and on a database whose users were stored before the index existed.
/// </summary>
[TestFixtureSource(typeof(TestProviders), nameof(TestProviders.All))]
public sealed class UserSearchTests(string provider)
{
    private static readonly DateTime Now = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    // Pieces of the corpus: each one in several cases, so case-insensitivity is what decides a match.
    private static readonly string[] Pieces =
    [
        "anna", "ANNA", "Anna", "smith", "SMITH", "élan", "ÉLAN", "müller", "MÜLLER", "ñu", "иван", "ИВАН", "Иван",
        "жук", "ЖУК", "ёж", "ЁЖ", "42", "007", "%", "_", "a_b", "50%", "\"q\"", "\\", " ", "-", ".", "x", "bulk",
    ];

    private TestDatabase _database = null!;
    private Random _random = null!;

    [SetUp]
    public void SetUp()
    {
        _database = TestDatabase.Create(provider);
        _random = new Random(20);
    }

    [TearDown]
    public void TearDown() => _database?.Dispose(); // null when the provider was skipped

    [Test]
    public async Task EveryPageAndCount_EqualThePlainCondition_AsUsersAreAddedEditedAndDeleted()
    {
        await using (var db = _database.NewContext())
        {
            await db.Database.MigrateAsync();
        }

        var (dealer, other) = await AddDealers();
        await AddUsers(dealer, 150);
        await AddUsers(other, 30);
        await AddSubUsers(dealer, 20);
        await CheckFilters(dealer);

        // Edits and deletes reach the index too (the service has none today; the triggers cover them anyway).
        await using (var db = _database.NewContext())
        {
            var ids = await db.Users.Where(u => u.DealerId == dealer && u.MasterId == null && !db.Users.Any(s => s.MasterId == u.Id)).OrderBy(u => u.Id).Select(u => u.Id).Take(40).ToListAsync();
            await db.Users.Where(u => ids.Take(20).Contains(u.Id)).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastName, "Renamed Жуков"));
            await db.Users.Where(u => ids.Skip(20).Contains(u.Id)).ExecuteDeleteAsync();
        }

        // An upload's users, then an upload refused for a login in use, then a single user after it.
        await AddUsers(dealer, 30, asUpload: true);
        await using (var db = _database.NewContext())
        {
            var taken = await db.Users.Where(u => u.DealerId == dealer).Select(u => u.Login).FirstAsync();
            var refused = new[] { User.CreateMaster(dealer, "refused.upload@example.com", "hash", new UserProfile { FirstName = "Anna" }, "en_US", "UTC", null, false, null, Now), User.CreateMaster(dealer, taken, "hash", new UserProfile(), "en_US", "UTC", null, false, null, Now) };
            Assert.ThrowsAsync<DuplicateKeyException>(() => ((IUnitOfWork)db).InTransactionAsync(async ct =>
            {
                await new UserRepository(db, _database.Options).AddManyAsync(refused, ct);
                return true;
            }, CancellationToken.None));
        }

        await AddUsers(dealer, 5);
        await CheckFilters(dealer);
    }

    [TestCase("ИВАН")]
    [TestCase("ÉCOLE")]
    [TestCase("Петров")]
    [TestCase("École")]
    public async Task AName_IsFoundByItsOwnSpelling_AndByItsAsciiLettersInAnyCase(string name)
    {
        await using (var db = _database.NewContext())
        {
            await db.Database.MigrateAsync();
        }

        var (dealer, _) = await AddDealers();
        long id;
        await using (var db = _database.NewContext())
        {
            db.Users.Add(User.CreateMaster(dealer, $"other.{Guid.NewGuid():N}@example.com", "hash", new UserProfile { FirstName = "Jo", LastName = "Smith" }, "en_US", "UTC", null, false, null, Now));
            var user = User.CreateMaster(dealer, $"spelled.{Guid.NewGuid():N}@example.com", "hash", new UserProfile { FirstName = "Jo", LastName = name + "-Smith" }, "en_US", "UTC", null, false, null, Now);
            db.Users.Add(user);
            await db.SaveChangesAsync();
            id = user.Id;
        }

        await using (var db = _database.NewContext())
        {
            var repository = new UserRepository(db, _database.Options);
            foreach (var filter in new[] { name, name + "-SMITH", " " + name + "-smith " })
            {
                var page = await repository.ListMastersAsync(dealer, filter, null, null, UserOrder.Id, true, 0, 50, CancellationToken.None);
                Assert.That(page.Users.Select(u => u.Id), Is.EqualTo(new[] { id }), $"filter '{filter}'");
                Assert.That(page.Count, Is.EqualTo(1), $"filter '{filter}'");
            }
        }
    }

    [Test]
    public async Task MigratingADatabaseWithUsers_IndexesTheUsersAlreadyThere()
    {
        await using (var db = _database.NewContext())
        {
            await db.Database.MigrateAsync("20261122150000_DealerMfaRevision");
            await LaterUserColumnsAsync(db, "ADD");
        }

        var (dealer, _) = await AddDealers();
        await AddUsers(dealer, 120);
        await AddSubUsers(dealer, 10);
        await using (var db = _database.NewContext())
        {
            await LaterUserColumnsAsync(db, "DROP");
            await db.Database.MigrateAsync();
        }

        await CheckFilters(dealer);
    }

    // Today's model writes every column it maps, also those that migrations after the search index add to users:
    // they exist while the old-schema rows are written and are dropped again for those migrations to add.
    private static Task LaterUserColumnsAsync(PanelDbContext db, string action)
    {
        var sealedType = db.Database.IsSqlServer() ? "VARBINARY(MAX)" : db.Database.IsNpgsql() ? "BYTEA" : "BLOB";
        return db.Database.ExecuteSqlRawAsync(
            action != "ADD" ? "ALTER TABLE users DROP COLUMN mfa_off_notice_batch_id; ALTER TABLE users DROP COLUMN mfa_on_notice_batch_id; ALTER TABLE users DROP COLUMN pending_password"
            : db.Database.IsSqlServer() ? $"ALTER TABLE users ADD mfa_off_notice_batch_id BIGINT NULL, mfa_on_notice_batch_id BIGINT NULL, pending_password {sealedType} NULL"
            : $"ALTER TABLE users ADD COLUMN mfa_off_notice_batch_id BIGINT NULL; ALTER TABLE users ADD COLUMN mfa_on_notice_batch_id BIGINT NULL; ALTER TABLE users ADD COLUMN pending_password {sealedType} NULL");
    }

    private async Task<(long Dealer, long Other)> AddDealers()
    {
        await using var db = _database.NewContext();
        var dealer = new Dealer("A", Now);
        var other = new Dealer("B", Now);
        db.Dealers.AddRange(dealer, other);
        await db.SaveChangesAsync();
        return (dealer.Id, other.Id);
    }

    private async Task AddUsers(long dealerId, int count, bool asUpload = false)
    {
        await using var db = _database.NewContext();
        var users = new List<User>();
        for (var i = 0; i < count; i++)
        {
            var profile = new UserProfile
            {
                FirstName = Text(3),
                MiddleName = _random.Next(3) == 0 ? string.Empty : Text(2),
                LastName = Text(3),
                LegalName = _random.Next(2) == 0 ? string.Empty : Text(4),
                Phone = _random.Next(4) == 0 ? string.Empty : "+7" + _random.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture),
            };
            var login = $"{Text(2).Replace(" ", string.Empty, StringComparison.Ordinal)}.{Guid.NewGuid():N}@Example.COM";
            users.Add(User.CreateMaster(dealerId, login, "hash", profile, "en_US", "UTC", null, false, null, Now));
        }

        if (asUpload)
        {
            await ((IUnitOfWork)db).InTransactionAsync(async ct =>
            {
                await new UserRepository(db, _database.Options).AddManyAsync(users, ct);
                return true;
            }, CancellationToken.None);
            return;
        }

        db.Users.AddRange(users);
        await db.SaveChangesAsync();
    }

    // Sub-users are never listed, yet their names are in the index: their rows must not leak into a page or count.
    private async Task AddSubUsers(long dealerId, int count)
    {
        await using var db = _database.NewContext();
        var masters = await db.Users.Where(u => u.DealerId == dealerId && u.MasterId == null).OrderBy(u => u.Id).Take(count).ToListAsync();
        db.Users.AddRange(masters.Select(m => m.CreateSubUser($"sub.{Guid.NewGuid():N}@example.com", "hash", Text(2), "Anna SMITH иван", Now)));
        await db.SaveChangesAsync();
    }

    private string Text(int pieces) =>
        string.Concat(Enumerable.Range(0, pieces).Select(_ => Pieces[_random.Next(Pieces.Length)]));

    private async Task CheckFilters(long dealerId)
    {
        await using var db = _database.NewContext();
        var users = await db.Users.AsNoTracking().ToListAsync();
        var lower = await LowerOfTheDatabase(db);
        var masters = users.Where(u => u.DealerId == dealerId && u.MasterId == null).ToList();
        var filters = new List<string>
        {
            "anna", "ANNA", "иван", "ИВАН", "Ёж", "élan", "ÉLAN", "MÜL", "%", "_", "a_b", "50%", "%_", "\"q", "\\", "x", "ñ", "42",
            "+7", " anna ", "example.com", "nothing-like-this", "Жуков", "renamed ж", masters[0].Id.ToString(CultureInfo.InvariantCulture),
        };
        for (var i = 0; i < 25; i++)
        {
            // Pieces of stored text, re-cased at random, of one to eight characters.
            var source = users[_random.Next(users.Count)];
            var field = new[] { source.Login, source.FirstName, source.LastName, source.LegalName, source.Phone, source.MiddleName }[_random.Next(6)];
            if (field.Length == 0)
            {
                continue;
            }

            var start = _random.Next(field.Length);
            var piece = field.Substring(start, Math.Min(field.Length - start, _random.Next(1, 9)));
            filters.Add(_random.Next(2) == 0 ? piece.ToUpperInvariant() : piece);
        }

        var repository = new UserRepository(db, _database.Options);
        // A limit of 3 ids sends every search that finds more through the pass without the index.
        var withoutIndex = new UserRepository(db, _database.Options with { SearchCandidateLimit = 3 });
        foreach (var order in new[] { UserOrder.Id, UserOrder.Login, UserOrder.LastName })
        {
            // Unfiltered: the count the database keeps, and the first page straight from the order index.
            var first = await repository.ListMastersAsync(dealerId, null, null, null, order, false, 0, 20, CancellationToken.None);
            Assert.That(first.Count, Is.EqualTo(masters.Count), $"unfiltered count, {order}");
            Assert.That(first.Users.Select(u => u.Id), Is.EqualTo(Ordered(masters, order, false).Select(u => u.Id).Take(20)), $"unfiltered, {order}");
        }

        foreach (var filter in filters.Where(f => !string.IsNullOrWhiteSpace(f)))
        {
            var expected = masters.Where(Matches(filter, lower)).ToList();
            foreach (var (order, ascending) in new[] { (UserOrder.Id, true), (UserOrder.Login, false), (UserOrder.LastName, true), (UserOrder.LastName, false) })
            {
                var ordered = Ordered(expected, order, ascending).Select(u => u.Id).ToList();
                for (var offset = 0; offset <= expected.Count; offset += 7)
                {
                    foreach (var (path, lister) in new[] { ("index", repository), ("without index", withoutIndex) })
                    {
                        var page = await lister.ListMastersAsync(dealerId, filter, null, null, order, ascending, offset, 7, CancellationToken.None);
                        var context = $"filter '{filter}', {order} {(ascending ? "asc" : "desc")}, offset {offset}, {path}";
                        Assert.That(page.Count, Is.EqualTo(expected.Count), context);
                        Assert.That(page.Users.Select(u => u.Id), Is.EqualTo(ordered.Skip(offset).Take(7)), context);
                    }
                }
            }
        }
    }

    /// <summary>
    /// The list's condition: the id, or a substring of the login key, the phone or a name field lowered by the
    /// database's <c>lower</c>, compared with the filter trimmed and lowered invariantly; a name field also with the
    /// filter lowered by the database's <c>lower</c>, so a name is always found by its own spelling.
    /// </summary>
    private static Func<User, bool> Matches(string filter, Func<string, string> lower)
    {
        var text = filter.Trim().ToLowerInvariant();
        var name = lower(filter.Trim());
        long? id = long.TryParse(text, out var parsed) ? parsed : null;
        return u => u.Id == id
            || u.LoginKey.Contains(text, StringComparison.Ordinal)
            || new[] { u.FirstName, u.MiddleName, u.LastName, u.LegalName }.Select(lower)
                .Any(field => field.Contains(text, StringComparison.Ordinal) || field.Contains(name, StringComparison.Ordinal))
            || u.Phone.Contains(text, StringComparison.Ordinal);
    }

    // Code point order: SQLite's BINARY collation and the test cluster's C.UTF-8 (scripts/postgres.sh).
    private static IEnumerable<User> Ordered(List<User> users, UserOrder order, bool ascending)
    {
        var sorted = order switch
        {
            UserOrder.Login => users.OrderBy(u => u.LoginKey, StringComparer.Ordinal).ThenBy(u => u.Id),
            UserOrder.LastName => users.OrderBy(u => u.LastName, StringComparer.Ordinal).ThenBy(u => u.Id),
            _ => users.OrderBy(u => u.Id),
        };
        return ascending ? sorted : sorted.Reverse();
    }

    /// <summary>
    /// SQLite's built-in <c>lower</c> folds ASCII letters only; PostgreSQL's folds all of Unicode under a UTF-8
    /// locale. Which one this database has is read from it, and pinned per provider.
    /// </summary>
    private async Task<Func<string, string>> LowerOfTheDatabase(PanelDbContext db)
    {
        var folded = await db.Database.SqlQueryRaw<string>("SELECT lower('ÉЖA') AS \"Value\"").SingleAsync();
        Assert.That(folded, Is.EqualTo(provider == "Sqlite" ? "ÉЖa" : "éжa"), "the provider's lower()");
        return folded == "éжa" ? s => s.ToLowerInvariant() : AsciiLower;
    }

    private static string AsciiLower(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(c is >= 'A' and <= 'Z' ? (char)(c + 32) : c);
        }

        return builder.ToString();
    }
}
