using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Navixy.Panel.Api.Protocol;

namespace Navixy.Panel.Api.OpenApi;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c>, built from the actions by the transformers here.</summary>
public static class NavixyOpenApi
{
    public const string DocumentPath = "/openapi/v1.json";

    public static IServiceCollection AddNavixyOpenApi(this IServiceCollection services)
    {
        // The schemas are generated with these options: the wire's snake_case names and strict numbers.
        services.ConfigureHttpJsonOptions(options => NavixyJson.Configure(options.SerializerOptions));
        services.AddSingleton<NavixyParameterTypes>();
        services.AddSingleton<NavixyExtensionFields>();
        services.AddSingleton<NavixyRequiredFields>();
        services.AddOpenApi(options =>
        {
            options.CreateSchemaReferenceId = SchemaIdOf;
            options.AddSchemaTransformer<NavixySchemaTransformer>();
            options.AddOperationTransformer<NavixyOperationTransformer>();
            options.AddDocumentTransformer<NavixyDocumentTransformer>();
        });
        return services;
    }

    /// <summary>Component names: the type's name, except the MFA models, which take Navixy's union names.</summary>
    public static string? SchemaIdOf(JsonTypeInfo type) =>
        MfaUnionSchemas.ComponentOf(type.Type) ?? OpenApiOptions.CreateDefaultSchemaReferenceId(type);
}
