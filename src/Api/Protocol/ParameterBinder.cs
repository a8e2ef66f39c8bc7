using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Navixy.Panel.Application.Common.Exceptions;

namespace Navixy.Panel.Api.Protocol;

/// <summary>
/// Binds merged parameters to a typed request. Text values from the query or a form are read as what the
/// target property expects: a number, a boolean, or (for objects and arrays) JSON text. Values from a JSON body
/// must already have the right JSON type. Unknown fields are ignored.
/// </summary>
public static partial class ParameterBinder
{
    public static object? Bind(NavixyParameters parameters, Type type)
    {
        var values = parameters.Values.DeepClone().AsObject();
        var typeInfo = NavixyJson.Options.GetTypeInfo(type);
        foreach (var property in typeInfo.Properties)
        {
            if (parameters.IsText(property.Name) && values[property.Name] is JsonValue text && text.GetValueKind() == JsonValueKind.String)
            {
                values[property.Name] = FromText(text.GetValue<string>(), property.PropertyType);
            }
        }

        try
        {
            return values.Deserialize(typeInfo);
        }
        catch (JsonException ex)
        {
            throw new ValidationException(ParameterOf(ex.Path), "has a wrong type or format");
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or OverflowException or NotSupportedException)
        {
            throw new ValidationException(ParameterOf(null), "has a wrong type or format");
        }
    }

    private static JsonNode? FromText(string text, Type target)
    {
        var type = Nullable.GetUnderlyingType(target) ?? target;
        if (type == typeof(string) || type.IsEnum)
        {
            return JsonValue.Create(text);
        }

        if (type == typeof(bool))
        {
            return bool.TryParse(text, out var flag) ? JsonValue.Create(flag) : JsonValue.Create(text);
        }

        // Numbers, objects and arrays: the text is JSON, read as strictly as a JSON body. Text that is not valid
        // JSON stays a string, so the deserializer reports the parameter by name.
        try
        {
            return NavixyJson.ParseRequest(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }

    /// <summary><c>$.target.ids[3]</c> becomes <c>target.ids</c>.</summary>
    public static string ParameterOf(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return "request";
        }

        var path = QuotedSegment().Replace(jsonPath, ".$1");
        path = Index().Replace(path, string.Empty);
        return path.TrimStart('$').Trim('.');
    }

    [GeneratedRegex(@"\['([^']*)'\]")]
    private static partial Regex QuotedSegment();

    [GeneratedRegex(@"\[\d*\]")]
    private static partial Regex Index();
}
