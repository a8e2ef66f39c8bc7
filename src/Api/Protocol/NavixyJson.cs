using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Navixy.Panel.Api.Protocol;

/// <summary>The one JSON shape of the wire: snake_case names, enums as snake_case strings, nulls written.</summary>
public static class NavixyJson
{
    /// <summary>
    /// How every JSON text a request carries is read, the body and JSON text in form or query values alike:
    /// nesting at most 32 deep and no property name twice at any depth, so no reader can pick another duplicate.
    /// </summary>
    private static readonly JsonDocumentOptions RequestDocument = new() { MaxDepth = 32, AllowDuplicateProperties = false };

    /// <summary>Throws on a lone surrogate instead of replacing it.</summary>
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver();
        options.MakeReadOnly();
        return options;
    }

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.PropertyNameCaseInsensitive = false;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.AllowDuplicateProperties = false;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        return options;
    }

    /// <summary>Parses request JSON; <see cref="JsonException"/> when it is malformed, has a duplicate name or an undecodable string.</summary>
    public static JsonNode? ParseRequest(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var node = JsonNode.Parse(utf8Json, documentOptions: RequestDocument);
            DecodeStrings(node);
            return node;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // The duplicate check reads names, so it may be the first to meet an undecodable one.
            throw new JsonException("The JSON text holds a string that cannot be decoded", ex);
        }
    }

    /// <inheritdoc cref="ParseRequest(ReadOnlySpan{byte})"/>
    public static JsonNode? ParseRequest(string json) => ParseRequest(Encoding.UTF8.GetBytes(json));

    /// <summary>
    /// A string escape such as <c>\ud800</c> (a lone surrogate) parses but throws when the string is read, in
    /// whatever code reads it first: every name and string is read here once, so that code never meets one.
    /// </summary>
    private static void DecodeStrings(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    // A name is decoded leniently, lone surrogate and all; only writing it would throw.
                    _ = StrictUtf8.GetByteCount(name);
                    DecodeStrings(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    DecodeStrings(item);
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                _ = value.GetValue<string>();
                break;
        }
    }
}
