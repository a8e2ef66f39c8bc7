using Microsoft.Extensions.Options;

namespace Navixy.Panel.Application.Common.Configuration;

/// <summary>
/// Checks one section's bound options at start (<c>ValidateOnStart</c>): each check is a <see cref="Setting"/> sentence
/// or null, and the first failing one stops the start, so the service says one thing to fix at a time.
/// </summary>
public abstract class SettingsValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options) =>
        Checks(options).FirstOrDefault(failure => failure is not null) is { } failure
            ? ValidateOptionsResult.Fail(failure)
            : ValidateOptionsResult.Success;

    protected abstract IEnumerable<string?> Checks(TOptions options);
}
