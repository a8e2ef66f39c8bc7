using Microsoft.EntityFrameworkCore;
using Navixy.Panel.Application.Common;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Domain.Audit;
using Navixy.Panel.Domain.Dealers;
using Navixy.Panel.Domain.Notifications;
using Navixy.Panel.Domain.Panel;
using Navixy.Panel.Domain.Security;
using Navixy.Panel.Domain.Users;

namespace Navixy.Panel.Infrastructure.Persistence;

public sealed class PanelDbContext(DbContextOptions<PanelDbContext> options) : DbContext(options), IUnitOfWork
{
    /// <summary>The shadow property <c>dealers.mfa_revision</c>: see <see cref="SqliteProvider.TakeDealerLockAsync"/>.</summary>
    internal const string MfaRevision = nameof(MfaRevision);

    public DbSet<Dealer> Dealers => Set<Dealer>();

    public DbSet<PanelAccount> PanelAccounts => Set<PanelAccount>();

    public DbSet<PanelSession> PanelSessions => Set<PanelSession>();

    public DbSet<User> Users => Set<User>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<LoginFailure> LoginFailures => Set<LoginFailure>();

    public DbSet<SecondFactorEvent> SecondFactorEvents => Set<SecondFactorEvent>();

    public DbSet<NotificationBatch> NotificationBatches => Set<NotificationBatch>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<AuditEventUser> AuditEventUsers => Set<AuditEventUser>();

    /// <summary>False while a transaction unit runs that may not be run again (see <see cref="InTransactionAsync{T}"/>).</summary>
    internal bool UnitMayRetry { get; private set; } = true;

    Task IUnitOfWork.SaveChangesAsync(CancellationToken cancellationToken) => SaveChangesAsync(cancellationToken);

    /// <summary>
    /// Every save (the unit of work's, a transaction's commit, EF's own) turns a unique-key violation into
    /// <see cref="DuplicateKeyException"/> and a lost optimistic check into <see cref="ConcurrencyConflictException"/>.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateException ex) when (Translated(ex) is { } translated)
        {
            throw translated;
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        catch (DbUpdateException ex) when (Translated(ex) is { } translated)
        {
            throw translated;
        }
    }

    private static Exception? Translated(DbUpdateException ex) => ex switch
    {
        DbUpdateConcurrencyException => new ConcurrencyConflictException(ex),
        { InnerException: { } inner } when DatabaseFaults.Classify(inner) == DatabaseFault.UniqueViolation => new DuplicateKeyException(ex),
        _ => null,
    };

    public async Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        // The execution strategy may retry the whole unit on a deadlock, so the unit runs inside it. A retry starts
        // from an empty change tracker, which is exact only when the unit began with one: otherwise it is not retried.
        var attempts = 0;
        UnitMayRetry = !ChangeTracker.Entries().Any();
        try
        {
            return await Database.CreateExecutionStrategy().ExecuteAsync(
                (Context: this, Work: work),
                async (_, state, ct) =>
                {
                    if (attempts++ > 0)
                    {
                        state.Context.ChangeTracker.Clear();
                    }

                    await using var transaction = await state.Context.Database.BeginTransactionAsync(ct);
                    var result = await state.Work(ct);
                    await state.Context.SaveChangesAsync(ct);
                    await transaction.CommitAsync(ct);
                    return result;
                },
                verifySucceeded: null,
                cancellationToken);
        }
        finally
        {
            UnitMayRetry = true;
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PanelDbContext).Assembly);

        // One naming rule for every provider: snake_case columns, so hand-written migrations read like the schema.
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(ParameterPath.ToSnakeCase(property.Name));
            }
        }
    }
}
