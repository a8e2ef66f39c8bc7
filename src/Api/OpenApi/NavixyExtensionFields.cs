using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Navixy.Panel.Application.Common;

namespace Navixy.Panel.Api.OpenApi;

/// <summary>
/// The extension fields met while the schemas are generated, marked on their components once the document is whole:
/// while generating, a field's schema is still the schema of its type's component, which a mark would tag everywhere.
/// </summary>
public sealed class NavixyExtensionFields
{
    private readonly ConcurrentDictionary<(string Component, string Field), bool> _fields = new();

    public void Add(string component, string field) => _fields[(component, field)] = true;

    public void MarkIn(OpenApiDocument document)
    {
        var schemas = document.Components?.Schemas;
        foreach (var (component, field) in _fields.Keys)
        {
            if (schemas is not null && schemas.TryGetValue(component, out var holder) && holder.Properties?.TryGetValue(field, out var schema) == true)
            {
                holder.Properties[field] = Marked(schema);
            }
        }
    }

    /// <summary>A reference carries no extensions, so a field that is one is wrapped in <c>allOf</c>.</summary>
    public static IOpenApiSchema Marked(IOpenApiSchema field)
    {
        var marked = field as OpenApiSchema ?? new OpenApiSchema { AllOf = [field], Description = field.Description };
        marked.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        marked.Extensions[NavixyExtensionAttribute.Key] = new JsonNodeExtension(JsonValue.Create(true));
        return marked;
    }
}
