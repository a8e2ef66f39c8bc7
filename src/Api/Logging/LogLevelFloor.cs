using Microsoft.Extensions.Options;

namespace Navixy.Panel.Api.Logging;

/// <summary>
/// Raises the minimum level of chosen log categories to a floor, keeping whatever stricter level the configuration
/// gives them, where a plain <c>AddFilter(category, level)</c> would also <em>lower</em> a category the configuration
/// set stricter (the most specific rule wins). See <c>docs/decisions.md</c>, "Secrets in logs".
/// </summary>
/// <remarks>
/// Runs after the configuration has added its rules. For each floored category it copies every rule that applies to
/// that category onto the category's full name, with the level raised to the floor, in the order of the original
/// rules' specificity. The logging rule selector (provider-specific rules first, then the longest category, then the
/// last) therefore picks, for every provider, the copy of the rule it would have picked without the floor.
/// </remarks>
public sealed class LogLevelFloor(string category, LogLevel floor) : IPostConfigureOptions<LoggerFilterOptions>
{
    public void PostConfigure(string? name, LoggerFilterOptions options)
    {
        var applicable = options.Rules
            .Where(rule => Matches(rule.CategoryName, category))
            .OrderBy(rule => rule.CategoryName?.Length ?? -1) // stable: ties keep their order, so the last still wins
            .ToList();
        options.Rules.Add(new LoggerFilterRule(null, category, Raise(options.MinLevel), null));
        foreach (var rule in applicable)
        {
            options.Rules.Add(new LoggerFilterRule(rule.ProviderName, category, Raise(rule.LogLevel ?? LogLevel.Trace), rule.Filter));
        }
    }

    private LogLevel Raise(LogLevel level) => level < floor ? floor : level;

    /// <summary>The selector's category match: a prefix, or a prefix and suffix around one <c>*</c>.</summary>
    private static bool Matches(string? ruleCategory, string category)
    {
        if (ruleCategory is null)
        {
            return true;
        }

        var star = ruleCategory.IndexOf('*', StringComparison.Ordinal);
        if (star < 0)
        {
            return category.StartsWith(ruleCategory, StringComparison.OrdinalIgnoreCase);
        }

        var prefix = ruleCategory[..star];
        var suffix = ruleCategory[(star + 1)..];
        return category.Length >= prefix.Length + suffix.Length
            && category.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            && category.EndsWith(suffix, StringComparison.OrdinalIgnoreCase);
    }
}
