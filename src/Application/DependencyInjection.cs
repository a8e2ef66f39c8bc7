using FluentValidation;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Navixy.Panel.Application.Audit;
using Navixy.Panel.Application.Common.Behaviours;
using Navixy.Panel.Application.Common.Configuration;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Application.Common.Security;
using Navixy.Panel.Application.Housekeeping;
using Navixy.Panel.Application.Mfa;
using Navixy.Panel.Application.Notifications;
using Navixy.Panel.Application.Panel.Commands.BootstrapPlatform;
using Navixy.Panel.Application.UserAuth;

namespace Navixy.Panel.Application;

public static class DependencyInjection
{
    /// <summary>MediatR 5 has no container integration: the mediator, handlers, behaviours and validators are registered here.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services, IConfiguration configuration)
    {
        var assembly = typeof(DependencyInjection).Assembly;

        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, Mediator>();

        var handlerInterfaces = new[] { typeof(IRequestHandler<,>), typeof(INotificationHandler<>) };
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && handlerInterfaces.Contains(i.GetGenericTypeDefinition())))
            {
                services.AddTransient(contract, type);
            }
        }

        // Order matters: logging wraps validation so refused requests are logged with their code.
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(RequestLoggingBehaviour<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));

        // Validators hold no state: one instance each.
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Singleton);

        // Read side only (entity -> DTO); without a key AutoMapper logs a license warning and works.
        services.AddAutoMapper(cfg => cfg.LicenseKey = configuration["AutoMapper:LicenseKey"], assembly);

        services.AddSingleton(TimeProvider.System);
        services.AddScoped<LoginThrottle>();
        services.AddSingleton(sp => new PasswordHashing(sp.GetRequiredService<IPasswordHasher>(), PasswordHashing.DefaultInteractiveWorkers, PasswordHashing.DefaultBulkWorkers));
        services.AddSingleton<PendingPasswords>();
        services.AddSingleton<PendingPasswordSignal>();
        services.AddHostedService<PendingPasswordHashingService>();
        services.AddSettings<SecurityOptions, SecurityOptions.Validator>(SecurityOptions.Section);
        services.AddSingleton(sp => new PanelSessionCache(TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<SecurityOptions>>().Value.SessionCacheSeconds)));
        services.AddScoped<OneTimeCodes>();
        services.AddScoped<SecondFactorLimits>();
        services.AddScoped<DealerMfaChanges>();
        services.AddScoped<AuditTrail>();
        services.AddSettings<AuditOptions, AuditOptions.Validator>(AuditOptions.Section);
        services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section);
        // Outside a request (management commands, background work) events are the system's; the API replaces this.
        services.TryAddSingleton<IRequestOrigin>(SystemOrigin.Instance);

        services.AddSettings<HousekeepingOptions, HousekeepingOptions.Validator>(HousekeepingOptions.Section);
        services.AddSingleton<HousekeepingStatus>();
        services.AddSingleton<Housekeeper>();
        services.AddScoped<IHousekeepingStep, ExpiredPanelSessions>();
        services.AddScoped<IHousekeepingStep, ExpiredUserSessions>();
        services.AddScoped<IHousekeepingStep, StaleLoginFailures>();
        services.AddScoped<IHousekeepingStep, StaleSecondFactorEvents>();
        services.AddScoped<IHousekeepingStep, ExpiredAuditEvents>();
        services.AddScoped<IHousekeepingStep, CompletedNotificationBatches>();
        services.AddHostedService<HousekeepingService>();

        services.AddSettings<NotificationOptions, NotificationOptions.Validator>(NotificationOptions.Section);
        services.AddScoped<MfaNotices>();
        services.AddHostedService<NotificationSender>();
        return services;
    }
}
