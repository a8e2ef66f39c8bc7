using System.Data.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Navixy.Panel.Application.Mfa.Commands.UpdateDefaultMfaSettings;
using Navixy.Panel.Application.Mfa.Commands.UpdateUserMfaSettings;
using Navixy.Panel.Application.Mfa.Models;
using Navixy.Panel.Domain.Users;
using Navixy.Panel.Infrastructure.IntegrationTests.Support;

namespace Navixy.Panel.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// No change without its event: when the event cannot be written, the change it describes rolls back with it
/// (the application's handlers over the real database, with the event's insert made to fail).
/// </summary>
[TestFixture("Sqlite")]
[TestFixture("Postgres")]
public sealed class AuditAtomicityTests(string provider) : OneDealerTest(provider)
{
    private static readonly DateTime Now = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly MfaSettingsModel Allowed = new("allowed", ["email"]);

    [Test]
    public async Task UpdateOfAll_WhoseEventFails_ChangesNoUser()
    {
        await using (var db = Database.NewContext())
        {
            db.Users.AddRange(Enumerable.Range(0, 3).Select(i => User.CreateMaster(DealerId, $"a{i}@example.com", "hash", new UserProfile { FirstName = "A", LastName = "B" }, "en_US", "UTC", null, false, null, Now)));
            await db.SaveChangesAsync();
        }

        await using var instance = new HousekeepingInstance(Database, new FrozenClock(Now), batchSize: 100, new FailingAuditInsert());
        await using var scope = instance.Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();

        Assert.ThrowsAsync<DbUpdateException>(() => mediator.Send(new UpdateUserMfaSettingsCommand(DealerId, new MfaTargetModel("all", null), Allowed)));
        Assert.ThrowsAsync<DbUpdateException>(() => mediator.Send(new UpdateDefaultMfaSettingsCommand(DealerId, Allowed)));

        await using var check = Database.NewContext();
        Assert.That(await check.Users.CountAsync(u => u.MfaAllowed != null), Is.Zero, "the update rolled back with its event");
        Assert.That((await check.Dealers.SingleAsync(d => d.Id == DealerId)).DefaultMfaSettings, Is.Null, "so did the default");
        Assert.That(await check.AuditEvents.CountAsync(), Is.Zero);
    }

    /// <summary>Fails every insert into the security log, as a full disk or a lost connection would at that moment.</summary>
    private sealed class FailingAuditInsert : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            command.CommandText.Contains("INSERT INTO \"audit_events\"", StringComparison.Ordinal) || command.CommandText.Contains("INSERT INTO audit_events", StringComparison.Ordinal)
                ? throw new InvalidOperationException("the security log cannot be written")
                : ValueTask.FromResult(result);
    }
}
