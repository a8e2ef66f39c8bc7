using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Application.Notifications;
using Navixy.Panel.Domain.Mfa;
using Navixy.Panel.Domain.Notifications;
using Navixy.Panel.Domain.Security;
using Navixy.Panel.Infrastructure.IntegrationTests.Support;
using Navixy.Panel.Infrastructure.Persistence;
using Navixy.Panel.Infrastructure.Persistence.Repositories;

namespace Navixy.Panel.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// SQL Server without a server (none can be installed where these run): its model builds and validates, the schema
/// script holds every table, key, index and identity column, and each statement that differs by provider is the
/// expected SQL. The functional and integration suites run against a real server when SQLSERVER_CONNECTION_STRING is set.
/// </summary>
public sealed class SqlServerOfflineTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    [Test]
    public void Model_BuildsAndValidates_WithIdentityKeys()
    {
        using var db = SchemaScript.OfflineContext(DatabaseProvider.SqlServer);
        var entities = db.Model.GetEntityTypes().ToList();

        Assert.That(entities.Select(e => e.GetTableName()), Is.EquivalentTo(new[] { "audit_event_users", "audit_events", "dealers", "login_failures", "notification_batches", "panel_accounts", "panel_sessions", "second_factor_events", "users", "user_sessions" }));
        // Every table but the audit log's side table, whose key is the (dealer, user, event) lookup, has an identity id.
        var auditEventUsers = entities.Single(e => e.GetTableName() == "audit_event_users");
        Assert.That(auditEventUsers.FindPrimaryKey()!.Properties.Select(p => p.GetColumnName()), Is.EqualTo(new[] { "dealer_id", "user_id", "event_id" }));
        foreach (var entity in entities.Except([auditEventUsers]))
        {
            var key = entity.FindPrimaryKey()!.Properties.Single();
            Assert.That(SqlServerPropertyExtensions.GetValueGenerationStrategy(key), Is.EqualTo(SqlServerValueGenerationStrategy.IdentityColumn), entity.Name);
        }

        var loginKey = db.Model.FindEntityType(typeof(Domain.Users.User))!.GetIndexes().Single(i => i.Properties is [{ Name: "LoginKey" }]);
        Assert.That(loginKey.IsUnique, Is.True);
    }

    [Test]
    public void Script_HoldsEveryTableKeyIndexAndIdentityOfTheModel()
    {
        var script = SchemaScript.For(DatabaseProvider.SqlServer);
        using var db = SchemaScript.OfflineContext(DatabaseProvider.SqlServer);

        foreach (var table in db.Model.GetRelationalModel().Tables)
        {
            Assert.That(script, Does.Contain($"CREATE TABLE [{table.Name}] ("));
            var keyColumns = string.Join(", ", table.PrimaryKey!.Columns.Select(c => $"[{c.Name}]"));
            Assert.That(script, Does.Contain($"CONSTRAINT [{table.PrimaryKey.Name}] PRIMARY KEY ({keyColumns})"));
            if (keyColumns == "[id]")
            {
                Assert.That(Regex.IsMatch(script, $@"CREATE TABLE \[{table.Name}\] \(\s+\[id\] bigint NOT NULL IDENTITY,"), Is.True, $"{table.Name}.id is an identity column");
            }
            foreach (var foreignKey in table.ForeignKeyConstraints)
            {
                Assert.That(script, Does.Contain($"CONSTRAINT [{foreignKey.Name}] FOREIGN KEY ([{foreignKey.Columns.Single().Name}]) REFERENCES [{foreignKey.PrincipalTable.Name}] ([id])"));
            }

            foreach (var index in table.Indexes)
            {
                var columns = string.Join(", ", index.Columns.Select(c => $"[{c.Name}]"));
                Assert.That(script, Does.Contain($"CREATE {(index.IsUnique ? "UNIQUE " : string.Empty)}INDEX [{index.Name}] ON [{table.Name}] ({columns})"));
            }
        }

        Assert.That(script, Does.Contain("CREATE UNIQUE INDEX [IX_users_login_key] ON [users] ([login_key])"), "one login, whatever its case (login_key)");
        Assert.That(script, Does.Contain("ALTER TABLE [dealers] ADD [mfa_revision] bigint NOT NULL DEFAULT CAST(0 AS bigint);"));
        Assert.That(script, Does.Contain("[login_key] nvarchar(254) NOT NULL"));
        Assert.That(script, Does.Contain("[token_digest] varbinary(32) NOT NULL"));
        Assert.That(script, Does.Contain("[created_at] datetime2 NOT NULL"));
    }

    [Test]
    public async Task DealerLock_IsAnUpdateLockOnTheRow()
    {
        var (db, commands) = OfflineCommands.Context(DatabaseProvider.SqlServer);
        await using var _ = db;
        var sent = await commands.Of(async () => Assert.That(await DatabaseProvider.SqlServer.TakeDealerLockAsync(db, 7, CancellationToken.None), Is.True));

        Assert.That(sent, Has.Length.EqualTo(1));
        Assert.That(Flat(sent[0]), Is.EqualTo("SELECT d.id AS [Value] FROM dealers AS d WITH (UPDLOCK, HOLDLOCK, ROWLOCK) WHERE d.id = @p0"));
    }

    [Test]
    public async Task UpdateAll_And_UpdateSelected_AreOneStatementEach()
    {
        var (db, commands) = OfflineCommands.Context(DatabaseProvider.SqlServer);
        await using var _ = db;
        var users = new UserRepository(db, new DatabaseOptions(DatabaseProvider.SqlServer, DatabaseProvider.SqlServer.OfflineConnectionString, false, Path.GetTempPath()));
        var settings = MfaSettings.Allow(MfaFactorTypes.Email);

        var all = await commands.Of(() => users.SetMfaForAllAsync(3, settings, Now, null, CancellationToken.None));
        var selected = await commands.Of(() => users.SetMfaForSelectedAsync(3, [4, 5, 4], settings, Now, null, CancellationToken.None));

        Assert.That(all, Has.Length.EqualTo(1));
        Assert.That(Flat(all[0]), Does.StartWith("UPDATE [u] SET [u].[mfa_allowed] = @").And.Contain("FROM [users] AS [u] WHERE [u].[dealer_id] = @").And.EndWith("AND [u].[master_id] IS NULL"));
        Assert.That(selected, Has.Length.EqualTo(1));
        Assert.That(Flat(selected[0]), Does.StartWith("UPDATE [u] SET [u].[mfa_allowed] = @").And.Contain("[u].[master_id] IS NULL AND [u].[id] IN ("));
    }

    [Test]
    public async Task UpdateAll_WithANoticeMark_MarksInTheSameStatement()
    {
        var (db, commands) = OfflineCommands.Context(DatabaseProvider.SqlServer);
        await using var _ = db;
        var users = new UserRepository(db, new DatabaseOptions(DatabaseProvider.SqlServer, DatabaseProvider.SqlServer.OfflineConnectionString, false, Path.GetTempPath()));

        var all = await commands.Of(() => users.SetMfaForAllAsync(3, MfaSettings.Disallowed, Now, new MfaNoticeMark(8, MfaNoticeKind.TurnedOff, true), CancellationToken.None));

        Assert.That(all, Has.Length.EqualTo(1), "the mark costs no second statement");
        Assert.That(Flat(all[0]), Does.Contain("[u].[mfa_off_notice_batch_id] = CASE").And.Contain("[u].[demo]").And.Contain("FROM [users] AS [u] WHERE [u].[dealer_id] = @"));
    }

    [Test]
    public async Task UserList_PagesWithOffsetFetch_AndLoginLookup_FindsByLoginKey()
    {
        var (db, commands) = OfflineCommands.Context(DatabaseProvider.SqlServer);
        await using var _ = db;
        var users = new UserRepository(db, new DatabaseOptions(DatabaseProvider.SqlServer, DatabaseProvider.SqlServer.OfflineConnectionString, false, Path.GetTempPath()));

        var list = await commands.Of(() => users.ListMastersAsync(3, "Smith", null, null, UserOrder.Login, ascending: true, offset: 20, limit: 10, CancellationToken.None));
        var login = await commands.Of(() => users.FindByLoginWithMfaAsync("Some.One@Example.com", CancellationToken.None));

        Assert.That(list, Has.Length.EqualTo(2), "a count, then the page");
        // No substring index on SQL Server: the plain condition decides alone (docs/decisions.md, "User search").
        Assert.That(Flat(list[0]), Does.StartWith("SELECT COUNT(*) FROM [users] AS [u] WHERE [u].[dealer_id] = @").And.Contain("LIKE").And.Not.Contain("users_search"));
        Assert.That(DatabaseProvider.SqlServer.CreateUserSearchIndex, Is.Empty);
        Assert.That(Flat(list[1]), Does.Contain("ORDER BY [u].[login_key], [u].[id] OFFSET @").And.Contain("ROWS FETCH NEXT @"));
        Assert.That(login, Has.Length.EqualTo(1));
        Assert.That(Flat(login[0]), Does.StartWith("SELECT TOP(1)").And.Contain("WHERE [u].[login_key] = @").And.Contain("LEFT JOIN [users] AS [u0] ON [u].[master_id] = [u0].[id]"));
    }

    [Test]
    public async Task DryRunCounts_AndTheMfaAllowedFilter_AreOneStatementEach()
    {
        var (db, commands) = OfflineCommands.Context(DatabaseProvider.SqlServer);
        await using var _ = db;
        var users = new UserRepository(db, new DatabaseOptions(DatabaseProvider.SqlServer, DatabaseProvider.SqlServer.OfflineConnectionString, false, Path.GetTempPath()));
        var settings = MfaSettings.Allow(MfaFactorTypes.Email);

        var all = await commands.Of(() => users.CountMfaChangeAsync(3, null, settings, MfaSettings.Disallowed, CancellationToken.None));
        var selected = await commands.Of(() => users.CountMfaChangeAsync(3, [4, 5, 4], settings, null, CancellationToken.None));
        var following = await commands.Of(() => users.CountFollowingDefaultAsync(3, CancellationToken.None));
        var filtered = await commands.Of(() => users.ListMastersAsync(3, null, true, settings, UserOrder.MfaAllowed, ascending: true, offset: 0, limit: 10, CancellationToken.None));

        Assert.That(all, Has.Length.EqualTo(1));
        Assert.That(Flat(all[0]), Does.StartWith("SELECT TOP(1) COUNT(*)").And.Contain("COUNT(CASE WHEN").And.Contain("WHERE [u].[dealer_id] = @").And.Not.Contain("UPDATE"));
        Assert.That(Flat(all[0]), Does.EndWith("GROUP BY [u].[dealer_id]"), "grouped by the dealer, never by a constant (docs/decisions.md)");
        Assert.That(selected, Has.Length.EqualTo(1));
        Assert.That(Flat(selected[0]), Does.Contain("[u].[id] IN ("));
        Assert.That(following, Has.Length.EqualTo(1));
        Assert.That(Flat(following[0]), Does.Contain("[u].[mfa_allowed] IS NULL"));
        Assert.That(filtered, Has.Length.GreaterThanOrEqualTo(2), "the count, then the pages of each value in turn");
        Assert.That(Flat(filtered[0]), Does.StartWith("SELECT COUNT(*) FROM [users] AS [u] WHERE [u].[dealer_id] = @").And.Contain("[u].[demo] = CAST(0 AS bit)"));
        Assert.That(Flat(filtered[1]), Does.Contain("ORDER BY [u].[id] OFFSET @").And.Not.Contain("CASE"), "ordered along the id index, never by a computed value");
    }

    [Test]
    public async Task LimitedInsert_TakesTheSubjectsApplicationLock_ThenInsertsWithOutput()
    {
        var (db, commands) = OfflineCommands.Context(DatabaseProvider.SqlServer);
        await using var _ = db;

        long? id = null;
        var sent = await commands.Of(async () => id = await DatabaseProvider.SqlServer.LimitedInsert.InsertAsync(
            db, "second_factor_events", [("user_id", 7L), ("kind", (int)SecondFactorEventKind.CodeMailed)], SecondFactorEvent.CodeMails, Now, CancellationToken.None));

        Assert.That(sent, Has.Length.EqualTo(1), "the lock, the prune and the insert in one batch");
        Assert.That(id, Is.EqualTo(1), "the id read from OUTPUT");
        Assert.That(Flat(sent[0]), Is.EqualTo(
            "BEGIN TRY BEGIN TRANSACTION; DECLARE @granted int; EXEC @granted = sp_getapplock @Resource = @p6, @LockMode = 'Exclusive', @LockOwner = 'Transaction'; "
            + "IF @granted < 0 THROW 51000, 'sp_getapplock did not grant the lock', 1; "
            + "DELETE FROM second_factor_events WHERE user_id = @p0 AND kind = @p1 AND occurred_at <= @p5; "
            + "INSERT INTO second_factor_events (user_id, kind, occurred_at) OUTPUT inserted.id AS [Value] SELECT @p0, @p1, @p2 "
            + "WHERE (SELECT count(*) FROM second_factor_events WHERE user_id = @p0 AND kind = @p1 AND occurred_at > @p3) < 5 "
            + "AND (SELECT count(*) FROM second_factor_events WHERE user_id = @p0 AND kind = @p1 AND occurred_at > @p4) < 20; "
            + "COMMIT; END TRY BEGIN CATCH IF @@TRANCOUNT > 0 ROLLBACK; THROW; END CATCH"));
    }

    [Test]
    public async Task HousekeepingBatch_IsOneDeleteOfTheEarliestIds()
    {
        var (db, commands) = OfflineCommands.Context(DatabaseProvider.SqlServer);
        await using var _ = db;

        var sent = await commands.Of(() => DatabaseProvider.SqlServer.DeleteEarliestAsync(db.SecondFactorEvents, e => e.OccurredAt, Now, 1000, CancellationToken.None));

        Assert.That(sent, Has.Length.EqualTo(1));
        Assert.That(Flat(sent[0]), Is.EqualTo(
            "DELETE FROM [s] FROM [second_factor_events] AS [s] WHERE [s].[id] IN ( SELECT TOP(@p) [s0].[id] FROM [second_factor_events] AS [s0] "
            + "WHERE [s0].[occurred_at] <= @cutoff ORDER BY [s0].[occurred_at] )"));
    }

    private static string Flat(string sql) => Regex.Replace(sql, @"\s+", " ").Trim();
}
