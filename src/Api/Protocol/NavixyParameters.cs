using System.Text.Json;
using System.Text.Json.Nodes;

namespace Navixy.Panel.Api.Protocol;

/// <summary>
/// The request's parameters merged from the query string, a form body and a JSON body (body wins over query).
/// Values from the query or a form arrive as text; they are given their JSON meaning only when bound to a
/// typed request, according to the type each parameter is bound to.
/// </summary>
public sealed class NavixyParameters
{
    private static readonly object ItemKey = new();
    private readonly HashSet<string> _textKeys = new(StringComparer.Ordinal);

    public JsonObject Values { get; } = new();

    public static NavixyParameters Empty => new();

    public static NavixyParameters Of(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var value) && value is NavixyParameters parameters ? parameters : Empty;

    public void AttachTo(HttpContext context) => context.Items[ItemKey] = this;

    public void SetText(string name, string value)
    {
        Values[name] = JsonValue.Create(value);
        _textKeys.Add(name);
    }

    public void SetJson(string name, JsonNode? value)
    {
        Values[name] = value?.DeepClone();
        _textKeys.Remove(name);
    }

    public bool IsText(string name) => _textKeys.Contains(name);

    /// <summary>A parameter as a string, whether it came as text or as a JSON string.</summary>
    public string? GetString(string name) =>
        Values.TryGetPropertyValue(name, out var node) && node is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : null;

    public bool Contains(string name) => Values.ContainsKey(name);
}
