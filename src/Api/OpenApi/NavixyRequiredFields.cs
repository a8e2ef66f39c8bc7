using System.Collections.Concurrent;
using Microsoft.OpenApi;

namespace Navixy.Panel.Api.OpenApi;

/// <summary>
/// The required scalar parameter fields met while the schemas are generated, stripped of <c>null</c> once the
/// document is whole. Their C# properties are nullable so that a missing one reaches the validator; on the wire a
/// required one refuses null with 7. Objects keep <c>oneOf [null, $ref]</c>: see <c>docs/decisions.md</c>, "Required
/// parameters in the document". An optional field keeps null: it counts as absent.
/// </summary>
public sealed class NavixyRequiredFields
{
    private readonly ConcurrentDictionary<(string Component, string Field), bool> _fields = new();

    public void Add(string component, string field) => _fields[(component, field)] = true;

    /// <summary>Changes the field schemas in place, so the query parameters made from them follow.</summary>
    public void StripNullIn(OpenApiDocument document)
    {
        var schemas = document.Components?.Schemas;
        foreach (var (component, field) in _fields.Keys)
        {
            if (schemas is not null && schemas.TryGetValue(component, out var holder)
                && holder.Properties?.TryGetValue(field, out var schema) == true && schema is OpenApiSchema { Type: { } type } scalar)
            {
                scalar.Type = type & ~JsonSchemaType.Null;
            }
        }
    }
}
