using System.Globalization;
using Microsoft.Extensions.Configuration;
using Navixy.Panel.Application.Common.Exceptions;

namespace Navixy.Panel.Application.Common.Configuration;

/// <summary>
/// Reads one setting with what it allows: an absent or blank value gives the default, an unusable one an
/// <see cref="InvalidSettingException"/> whose message names the key, what is allowed and what was given.
/// </summary>
public static class Setting
{
    public static string? Text(IConfiguration configuration, string key) =>
        configuration[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public static bool Boolean(IConfiguration configuration, string key, bool defaultValue)
    {
        var text = Text(configuration, key);
        if (text is null)
        {
            return defaultValue;
        }

        return bool.TryParse(text, out var value) ? value : throw Invalid(key, "true or false", text);
    }

    public static long WholeNumber(IConfiguration configuration, string key, long defaultValue, long min, long max, string unit = "")
    {
        var text = Text(configuration, key);
        if (text is null)
        {
            return defaultValue;
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Invalid(key, $"a whole number{(unit.Length > 0 ? " of " + unit : string.Empty)} {(max == long.MaxValue ? $"of at least {Format(min)}" : $"from {Format(min)} to {Format(max)}")}", text);
    }

    public static double Seconds(IConfiguration configuration, string key, double defaultValue, double max)
    {
        var text = Text(configuration, key);
        if (text is null)
        {
            return defaultValue;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 && value <= max
            ? value
            : throw Invalid(key, $"a number of seconds from 0 to {Format(max)}", text);
    }

    public static TEnum Choice<TEnum>(IConfiguration configuration, string key, TEnum defaultValue)
        where TEnum : struct, Enum
    {
        var text = Text(configuration, key);
        if (text is null)
        {
            return defaultValue;
        }

        // Names only: Enum.TryParse would also take "7" or "Pickup,Smtp".
        var name = Enum.GetNames<TEnum>().FirstOrDefault(n => n.Equals(text, StringComparison.OrdinalIgnoreCase));
        return name is not null ? Enum.Parse<TEnum>(name) : throw Invalid(key, $"one of {string.Join(", ", Enum.GetNames<TEnum>())}", text);
    }

    public static InvalidSettingException Invalid(string key, string allowed, string given) =>
        new($"{key} must be {allowed}, not '{given}'.");

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
