using Microsoft.EntityFrameworkCore;
using Navixy.Panel.Application.Common;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Domain.Dealers;
using Navixy.Panel.Domain.Panel;
using Navixy.Panel.Domain.Security;
using Navixy.Panel.Domain.Users;

namespace Navixy.Panel.Infrastructure.Persistence;

public sealed class PanelDbContext(DbContextOptions<PanelDbContext> options) : DbContext(options), IUnitOfWork
{
    public DbSet<Dealer> Dealers => Set<Dealer>();

    public DbSet<PanelAccount> PanelAccounts => Set<PanelAccount>();

    public DbSet<PanelSession> PanelSessions => Set<PanelSession>();

    public DbSet<User> Users => Set<User>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<LoginFailure> LoginFailures => Set<LoginFailure>();

    public DbSet<SecondFactorEvent> SecondFactorEvents => Set<SecondFactorEvent>();

    async Task IUnitOfWork.SaveChangesAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException(ex);
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            throw new DuplicateKeyException(ex);
        }
    }

    // SQLite: SQLITE_CONSTRAINT_UNIQUE (2067); PostgreSQL: unique_violation (23505).
    private static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode == 2067,
        Npgsql.PostgresException postgres => postgres.SqlState == "23505",
        _ => false,
    };

    public Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        // The execution strategy may retry the whole unit on a transient fault, so the unit runs inside it.
        return Database.CreateExecutionStrategy().ExecuteAsync(
            (Context: this, Work: work),
            static async (_, state, ct) =>
            {
                await using var transaction = await state.Context.Database.BeginTransactionAsync(ct);
                var result = await state.Work(ct);
                await state.Context.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return result;
            },
            verifySucceeded: null,
            cancellationToken);
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
