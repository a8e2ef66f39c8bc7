using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Navixy.Panel.Application.Mfa.Models;
using Navixy.Panel.Domain.Mfa;

namespace Navixy.Panel.Api.OpenApi;

/// <summary>
/// <c>MfaSettings</c> and <c>MfaTarget</c> as Navixy's own document has them: <c>oneOf</c> one object per
/// <c>type</c>, with a discriminator. The C# models are flat records (every field nullable, so validation can name a
/// missing one), so the tagged union is described here rather than derived from them.
/// </summary>
public static class MfaUnionSchemas
{
    public const string Settings = "MfaSettings";
    public const string Target = "MfaTarget";

    /// <summary>The component name of a model the document shows as a union, or null for any other type.</summary>
    public static string? ComponentOf(Type type) =>
        type == typeof(MfaSettingsModel) || type == typeof(MfaSettingsDto) ? Settings
        : type == typeof(MfaTargetModel) ? Target
        : null;

    /// <summary>
    /// Turns the generated schema of a union model into the <c>oneOf</c> of its variants, inline: the generator
    /// resolves every reference as it meets it, so the variants become components only in <see cref="Componentize"/>.
    /// </summary>
    public static void ApplyTo(OpenApiSchema schema, string component)
    {
        schema.Type = null;
        schema.Properties = null;
        schema.Required = null;
        schema.OneOf = [.. VariantsOf(component).Values];
        schema.Discriminator = new OpenApiDiscriminator { PropertyName = "type" };
    }

    /// <summary>Moves the variants of both unions into components named as in Navixy's document and maps the discriminator.</summary>
    public static void Componentize(OpenApiDocument document)
    {
        var schemas = document.Components?.Schemas;
        foreach (var component in new[] { Settings, Target })
        {
            if (schemas is null || !schemas.TryGetValue(component, out var found) || found is not OpenApiSchema union)
            {
                continue;
            }

            var variants = VariantsOf(component);
            union.OneOf = [.. variants.Keys.Select(name => (IOpenApiSchema)new OpenApiSchemaReference(name, document))];
            union.Discriminator = new OpenApiDiscriminator
            {
                PropertyName = "type",
                Mapping = variants.ToDictionary(v => v.Value.Title!, v => new OpenApiSchemaReference(v.Key, document)),
            };
            foreach (var (name, variant) in variants)
            {
                schemas[name] = variant;
            }
        }
    }

    /// <summary>The variants of a union by component name.</summary>
    private static Dictionary<string, OpenApiSchema> VariantsOf(string component) => component == Settings
        ? new()
        {
            ["MfaSettingsAllowed"] = Variant(
                MfaSettingsModel.Allowed,
                "MFA is enforced: the user is asked for a code of one of these factor types at login.",
                new()
                {
                    ["factor_types"] = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Array,
                        MinItems = 1,
                        Description = "Required and non-empty; only `email` exists today. Duplicates collapse.",
                        Items = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(MfaSettingsModel.Email)] },
                    },
                }),
            ["MfaSettingsDisallowed"] = Variant(MfaSettingsModel.Disallowed, "No second factor is asked for.", []),
        }
        : new()
        {
            ["MfaTargetAll"] = Variant(MfaTargetModel.All, "Every master user of the session's dealer.", []),
            ["MfaTargetSelected"] = Variant(
                MfaTargetModel.Selected,
                "The listed master users of the session's dealer; one that is not fails the call with 201 and changes nothing.",
                new()
                {
                    ["ids"] = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Array,
                        MinItems = 1,
                        MaxItems = MfaTarget.MaxSelectedIds,
                        Description = $"1 to {MfaTarget.MaxSelectedIds} user ids; a repeated id counts once.",
                        Items = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "1" },
                    },
                }),
        };

    private static OpenApiSchema Variant(string type, string description, Dictionary<string, IOpenApiSchema> fields)
    {
        var properties = new Dictionary<string, IOpenApiSchema>
        {
            // const rather than a one-value enum: a generator that merges the variants into one class (Kiota) then keeps
            // "type" a string that takes every variant's value, instead of an enum of the first variant's alone.
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Const = type },
        };
        foreach (var (name, field) in fields)
        {
            properties[name] = field;
        }

        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Title = type,
            Description = description,
            Required = new HashSet<string>(properties.Keys),
            Properties = properties,
        };
    }
}
