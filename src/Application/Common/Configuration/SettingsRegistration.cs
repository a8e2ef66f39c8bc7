using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Navixy.Panel.Application.Common.Configuration;

public static class SettingsRegistration
{
    /// <summary>
    /// Options of one configuration section, bound when first read (so test hosts can still add configuration after
    /// this call) and checked by <typeparamref name="TValidator"/> when the host validates them at start.
    /// </summary>
    public static OptionsBuilder<TOptions> AddSettings<TOptions, TValidator>(this IServiceCollection services, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        return services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
    }
}
