using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Navixy.Panel.Api.Controllers.Replies;
using Navixy.Panel.Application.Common;

namespace Navixy.Panel.Api.OpenApi;

/// <summary>
/// Schemas as the wire has them: replies gain the envelope's <c>success</c>; parameter types list as required only
/// what their validators require (<see cref="RequiredParameterAttribute"/>), replies all they always write; the MFA
/// models become tagged unions; extension fields are marked.
/// </summary>
public sealed class NavixySchemaTransformer(NavixyParameterTypes parameterTypes, NavixyExtensionFields extensionFields, NavixyRequiredFields requiredFields)
    : IOpenApiSchemaTransformer
{
    /// <remarks>
    /// A type reached through a property is transformed once, with <c>JsonPropertyInfo</c> set, on the schema that
    /// becomes its component: so everything here works from the type, and extension fields are marked on the
    /// properties of the type that holds them, never on the schema of the field's own type.
    /// </remarks>
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var info = context.JsonTypeInfo;
        if (MfaUnionSchemas.ComponentOf(info.Type) is { } union)
        {
            MfaUnionSchemas.ApplyTo(schema, union);
            return Task.CompletedTask;
        }

        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return Task.CompletedTask;
        }

        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();

        var isParameters = parameterTypes.Contains(info.Type);
        schema.Required = RequiredOf(info, isParameters);
        foreach (var field in isParameters ? schema.Required : Enumerable.Empty<string>())
        {
            requiredFields.Add(NavixyOpenApi.SchemaIdOf(info) ?? info.Type.Name, field);
        }

        foreach (var property in info.Properties.Where(Has<NavixyExtensionAttribute>))
        {
            extensionFields.Add(NavixyOpenApi.SchemaIdOf(info) ?? info.Type.Name, property.Name);
        }

        if (typeof(INavixyReply).IsAssignableFrom(info.Type))
        {
            AddSuccess(schema);
        }

        return Task.CompletedTask;
    }

    private static HashSet<string> RequiredOf(JsonTypeInfo info, bool isParameters) =>
        [.. info.Properties
            .Where(p => isParameters ? Has<RequiredParameterAttribute>(p) : !OmittedWhenNull(p))
            .Select(p => p.Name)];

    private static bool OmittedWhenNull(JsonPropertyInfo property) =>
        property.AttributeProvider?.GetCustomAttributes(typeof(JsonIgnoreAttribute), true)
            .OfType<JsonIgnoreAttribute>().Any(a => a.Condition == JsonIgnoreCondition.WhenWritingNull) == true;

    private static bool Has<T>(JsonPropertyInfo property) where T : Attribute =>
        property.AttributeProvider?.IsDefined(typeof(T), true) == true;

    /// <summary><c>success</c> comes first on the wire, so first in the schema too.</summary>
    private static void AddSuccess(OpenApiSchema schema)
    {
        var properties = new Dictionary<string, IOpenApiSchema>
        {
            ["success"] = new OpenApiSchema { Type = JsonSchemaType.Boolean, Enum = [JsonValue.Create(true)], Description = "Always `true` on success." },
        };
        foreach (var (name, value) in schema.Properties!)
        {
            properties[name] = value;
        }

        schema.Type = JsonSchemaType.Object;
        schema.Properties = properties;
        schema.Required ??= new HashSet<string>();
        schema.Required.Add("success");
    }
}
