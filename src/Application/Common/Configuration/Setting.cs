using System.Globalization;
using Microsoft.Extensions.Configuration;
using Navixy.Panel.Application.Common.Exceptions;

namespace Navixy.Panel.Application.Common.Configuration;

/// <summary>
/// The wording of every setting check: the key, what is allowed and what was given, in one sentence. The checks of
/// bound option values return null when the value is usable, else that sentence.
/// </summary>
public static class Setting
{
    /// <summary>A raw value of a key the framework owns (<c>urls</c>, log levels): null when absent or blank.</summary>
    public static string? Text(IConfiguration configuration, string key) =>
        configuration[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>
    /// A bound text setting as the service reads it: trimmed, and null when blank, so an empty environment variable
    /// means "the default" (a blank number, boolean or choice is refused by the binder instead).
    /// </summary>
    public static string? Tidy(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A raw value that must name a member of <typeparamref name="TEnum"/>, any case; names only, never numbers.</summary>
    public static TEnum Choice<TEnum>(IConfiguration configuration, string key, TEnum defaultValue)
        where TEnum : struct, Enum
    {
        var text = Text(configuration, key);
        if (text is null)
        {
            return defaultValue;
        }

        return Named<TEnum>(configuration, key) is { } problem ? throw new InvalidSettingException(problem) : Enum.Parse<TEnum>(text, ignoreCase: true);
    }

    public static string? WholeNumber(string key, long value, long min, long max, string unit = "") =>
        value >= min && value <= max
            ? null
            : Sentence(key, $"a whole number{(unit.Length > 0 ? " of " + unit : string.Empty)} {(max == long.MaxValue ? $"of at least {Format(min)}" : $"from {Format(min)} to {Format(max)}")}", Format(value));

    public static string? Seconds(string key, double value, double max) =>
        value is >= 0 && value <= max ? null : Sentence(key, $"a number of seconds from 0 to {Format(max)}", Format(value));

    /// <summary>
    /// A choice must be written as one of its names, any case: the binder also takes a member's number ("1"), which
    /// says nothing to whoever reads the configuration. Checked on the raw value, which the bound one no longer shows.
    /// </summary>
    public static string? Named<TEnum>(IConfiguration configuration, string key)
        where TEnum : struct, Enum =>
        Text(configuration, key) is { } text && !Enum.GetNames<TEnum>().Any(n => n.Equals(text, StringComparison.OrdinalIgnoreCase))
            ? Sentence(key, OneOf<TEnum>(), text)
            : null;

    public static string Sentence(string key, string allowed, string given) => $"{key} must be {allowed}, not '{given}'.";

    public static InvalidSettingException Invalid(string key, string allowed, string given) => new(Sentence(key, allowed, given));

    public static string OneOf<TEnum>()
        where TEnum : struct, Enum => $"one of {string.Join(", ", Enum.GetNames<TEnum>())}";

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
