using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Navixy.Panel.Application.Common.Caching;
using Navixy.Panel.Application.Common.Configuration;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Application.Common.Security;
using Navixy.Panel.Infrastructure.Email;
using Navixy.Panel.Infrastructure.Persistence;
using Navixy.Panel.Infrastructure.Persistence.Repositories;
using Navixy.Panel.Infrastructure.Security;

namespace Navixy.Panel.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services)
    {
        // Configuration is read when the container builds services, so hosts (and test hosts) can still add
        // configuration after this call.
        services.AddSettings<DatabaseSettings, DatabaseSettings.Validator>(DatabaseSettings.Section);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DatabaseSettings>>().Value.Resolve(sp.GetRequiredService<IConfiguration>()));
        // Pooled: a request reuses a reset context instead of building one (and its internal services) each time.
        services.AddSingleton<SlowCommandLog>();
        services.AddSingleton<LongTransactionLog>();
        services.AddDbContextPool<PanelDbContext>((sp, options) =>
        {
            ConfigureProvider(options, sp.GetRequiredService<DatabaseOptions>());
            options.AddInterceptors(sp.GetRequiredService<SlowCommandLog>(), sp.GetRequiredService<LongTransactionLog>());
        });
        services.AddScoped<IUnitOfWork>(sp => sp.GetRequiredService<PanelDbContext>());

        // An embedded database's changes are all made (and forgotten) here, so the cache serves at once. A server
        // database may be shared by other instances: the cache waits until a change listener (PostgreSQL's) resumes
        // it, and a provider without one (SQL Server) has the cache off and reads the database every time.
        services.AddSingleton(sp =>
        {
            var database = sp.GetRequiredService<DatabaseOptions>();
            var lifetime = database.Provider.OwnsAllChanges || database.Provider.HasChangeListener ? database.ReadCacheLifetime : TimeSpan.Zero;
            return new DealerReadCache(lifetime, sp.GetRequiredService<TimeProvider>(), serving: database.Provider.OwnsAllChanges);
        });
        services.AddHostedService<DealerChangeListener>();
        services.AddScoped<IDealerRepository, DealerRepository>();
        services.AddScoped<IPanelAccountRepository, PanelAccountRepository>();
        services.AddScoped<IPanelSessionRepository, PanelSessionRepository>();
        services.AddScoped<IUserRepository, UserRepository>();
        services.AddScoped<IUserSessionRepository, UserSessionRepository>();
        services.AddScoped<ILoginFailureRepository, LoginFailureRepository>();
        services.AddScoped<ISecondFactorEventRepository, SecondFactorEventRepository>();
        services.AddScoped<INotificationOutbox, NotificationOutbox>();
        services.AddScoped<IAuditEventRepository, AuditEventRepository>();
        services.AddScoped<IPlannerStatistics, PlannerStatistics>();

        services.AddSingleton<IPasswordHasher, AspNetPasswordHasher>();
        services.AddSingleton(sp => ServerSecret.Load(
            sp.GetRequiredService<IOptions<SecurityOptions>>().Value.CodeSecretKey(),
            sp.GetRequiredService<DatabaseOptions>().DataDirectory));
        services.AddSingleton<ISecretTokens, SecretTokens>();
        services.AddSingleton<IPasswordSeal, PasswordSeal>();
        services.AddSettings<EmailOptions, EmailOptions.Validator>(EmailOptions.Section);
        services.AddSingleton(sp => CreateEmailSender(sp.GetRequiredService<IOptions<EmailOptions>>().Value, sp.GetRequiredService<DatabaseOptions>()));
        return services;
    }

    private static IEmailSender CreateEmailSender(EmailOptions email, DatabaseOptions database) =>
        email.Delivery switch
        {
            EmailDelivery.Smtp => new SmtpEmailSender(email.Smtp),
            _ => new PickupEmailSender(
                !string.IsNullOrWhiteSpace(email.PickupDirectory) ? Path.GetFullPath(email.PickupDirectory.Trim()) : Path.Combine(database.DataDirectory, "mail"),
                email.Smtp.From),
        };

    public static void ConfigureProvider(DbContextOptionsBuilder options, DatabaseOptions database)
    {
        database.Provider.Use(options, database.ConnectionString);

        // Migrations are hand-written without a model snapshot; the schema-parity tests guard them instead.
        // A failed command is the caller's to report: a unique violation is a 206 (a lost race, not a fault), a
        // deadlock victim is retried, anything else is logged once by the exception handler or the background service.
        options.ConfigureWarnings(w => w
            .Ignore(RelationalEventId.PendingModelChangesWarning)
            .Log((CoreEventId.SaveChangesFailed, LogLevel.Debug), (CoreEventId.QueryIterationFailed, LogLevel.Debug), (RelationalEventId.CommandError, LogLevel.Debug)));
    }
}
