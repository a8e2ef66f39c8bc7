using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Navixy.Panel.Application.Common.Exceptions;

namespace Navixy.Panel.Application.Common.Configuration;

/// <summary>
/// The sentences a start-up stops with when a setting is unusable: the validators' own, and the configuration
/// binder's "cannot convert" reworded to name the key first, then what it must be and the value given.
/// </summary>
public static partial class SettingProblems
{
    /// <summary>The sentences of <paramref name="exception"/> when it is about settings; empty otherwise.</summary>
    public static IReadOnlyList<string> Of(Exception exception, IConfiguration? configuration) => exception switch
    {
        InvalidSettingException setting => [setting.Message],
        OptionsValidationException validation => [.. validation.Failures],
        AggregateException many when many.InnerExceptions.All(e => Of(e, configuration).Count > 0) => [.. many.InnerExceptions.SelectMany(e => Of(e, configuration))],
        InvalidOperationException conversion when FailedBinding().Match(conversion.Message) is { Success: true } match =>
            [Setting.Sentence(match.Groups["key"].Value, Allowed(match.Groups["type"].Value), configuration?[match.Groups["key"].Value] ?? match.Groups["value"].Value)],
        _ => [],
    };

    private static string Allowed(string typeName) => typeName switch
    {
        "System.Int32" or "System.Int64" => "a whole number",
        "System.Double" => "a number",
        "System.Boolean" => "true or false",
        _ when AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(typeName)).FirstOrDefault(t => t is { IsEnum: true }) is { } type
            => $"one of {string.Join(", ", Enum.GetNames(type))}",
        _ => $"a value of type {typeName}",
    };

    // The binder's message (Microsoft.Extensions.Configuration.Binder): the value (since .NET 8; not in the source
    // generator's wording), the key and the target type.
    [GeneratedRegex(@"^Failed to convert configuration value (?:'(?<value>.*)' )?at '(?<key>[^']+)' to type '(?<type>[^']+)'\.$", RegexOptions.Singleline)]
    private static partial Regex FailedBinding();
}
