using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Navixy.Panel.Api.Protocol;
using Navixy.Panel.Application.Common;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Users.Commands.UploadUsers;

namespace Navixy.Panel.Api.OpenApi;

/// <summary>
/// Each action as Navixy clients call it: POST with a JSON or form-encoded body, or GET with the same parameters in
/// the query string (objects and arrays as JSON text); its session scheme; its error codes by HTTP status.
/// Everything comes from the action's own declaration: its <c>[FromNavixy]</c> type, return type, policy and attributes.
/// </summary>
public sealed class NavixyOperationTransformer : IOpenApiOperationTransformer
{
    public const string JsonMedia = "application/json";
    public const string FormMedia = "application/x-www-form-urlencoded";
    public const string MultipartMedia = "multipart/form-data";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor is not ControllerActionDescriptor action)
        {
            return Task.CompletedTask;
        }

        var document = context.Document;
        var isGet = string.Equals(context.Description.HttpMethod, HttpMethods.Get, StringComparison.OrdinalIgnoreCase);
        var path = "/" + context.Description.RelativePath;
        operation.OperationId = OperationIdOf(path, isGet);
        DescribeParameters(operation, action, isGet);
        DescribeErrors(operation, action, document);
        DescribeSecurity(operation, action, document);
        if (action.EndpointMetadata.OfType<NavixyExtensionAttribute>().Any())
        {
            operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            operation.Extensions[NavixyExtensionAttribute.Key] = new JsonNodeExtension(JsonValue.Create(true));
        }

        return Task.CompletedTask;
    }

    /// <summary><c>/v2/panel/user/mfa/settings/update</c> → <c>panelUserMfaSettingsUpdate</c> (POST) and <c>…Get</c>.</summary>
    public static string OperationIdOf(string path, bool isGet)
    {
        var words = path.Split(['/', '_'], StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
        var id = string.Concat(words.Select((w, i) => i == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));
        return isGet ? id + "Get" : id;
    }

    private static void DescribeParameters(OpenApiOperation operation, ControllerActionDescriptor action, bool isGet)
    {
        if (action.EndpointMetadata.OfType<FileUploadAttribute>().Any())
        {
            // The file travels as multipart part "file"; a GET cannot carry it (the document transformer drops that GET).
            operation.Parameters?.Clear();
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [MultipartMedia] = new()
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Required = new HashSet<string> { "file" },
                            Properties = new Dictionary<string, IOpenApiSchema>
                            {
                                ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = $"The CSV file, `;`-separated, at most {UploadUsersCommand.MaxRows} rows." },
                            },
                        },
                    },
                },
            };
            return;
        }

        var bound = action.Parameters.FirstOrDefault(p => p.BindingInfo?.BinderType is not null);
        var generated = bound is null ? null : operation.Parameters?.FirstOrDefault(p => p.Name == bound.Name);
        if (generated?.Schema is not { } parameters)
        {
            return;
        }

        operation.Parameters!.Remove(generated);
        if (isGet)
        {
            var extensions = bound!.ParameterType.GetProperties()
                .Where(p => p.IsDefined(typeof(NavixyExtensionAttribute), true))
                .Select(p => NavixyJson.Options.PropertyNamingPolicy!.ConvertName(p.Name))
                .ToHashSet();
            foreach (var (name, field) in parameters.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                operation.Parameters.Add(QueryParameter(name, field, parameters.Required?.Contains(name) == true, extensions.Contains(name)));
            }

            return;
        }

        // In a form body an object or array parameter is JSON text, as in the query string.
        var encoding = (parameters.Properties ?? new Dictionary<string, IOpenApiSchema>())
            .Where(p => !IsScalar(p.Value))
            .ToDictionary(p => p.Key, _ => new OpenApiEncoding { ContentType = JsonMedia });
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = parameters.Required is { Count: > 0 },
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [JsonMedia] = new() { Schema = parameters },
                [FormMedia] = new() { Schema = parameters, Encoding = encoding.Count > 0 ? encoding : null },
            },
        };
    }

    private static OpenApiParameter QueryParameter(string name, IOpenApiSchema field, bool required, bool extension)
    {
        var parameter = new OpenApiParameter { Name = name, In = ParameterLocation.Query, Required = required, Description = field.Description };
        if (IsScalar(field))
        {
            parameter.Schema = field;
        }
        else
        {
            // Navixy's form and query style: the value is the JSON text of the object or array.
            parameter.Content = new Dictionary<string, OpenApiMediaType> { [JsonMedia] = new() { Schema = field } };
        }

        if (extension)
        {
            parameter.Extensions = new Dictionary<string, IOpenApiExtension> { [NavixyExtensionAttribute.Key] = new JsonNodeExtension(JsonValue.Create(true)) };
        }

        return parameter;
    }

    private static bool IsScalar(IOpenApiSchema schema)
    {
        if (schema is OpenApiSchemaReference || schema.OneOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 } || schema.AllOf is { Count: > 0 })
        {
            return false;
        }

        var type = schema.Type ?? 0;
        return (type & (JsonSchemaType.Object | JsonSchemaType.Array)) == 0;
    }

    private static void DescribeErrors(OpenApiOperation operation, ControllerActionDescriptor action, OpenApiDocument? document)
    {
        operation.Responses ??= [];
        if (operation.Responses.TryGetValue("200", out var reply) && reply is OpenApiResponse success)
        {
            success.Description = "Success: `{\"success\": true, ...}`.";
        }

        foreach (var group in NavixyErrorCatalogue.ByHttpStatus(NavixyErrorCatalogue.Of(action)))
        {
            operation.Responses[group.Key.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new OpenApiResponse
            {
                Description = "Error " + string.Join("; ", group.Select(c => $"{(int)c}: {ErrorDescriptions.Of(c)}")),
                Content = new Dictionary<string, OpenApiMediaType> { [JsonMedia] = new() { Schema = new OpenApiSchemaReference(NavixyDocumentTransformer.ResponseError, document) } },
                Extensions = new Dictionary<string, IOpenApiExtension>
                {
                    [NavixyDocumentTransformer.ErrorCodesKey] = new JsonNodeExtension(new JsonArray([.. group.Select(c => (JsonNode)JsonValue.Create((int)c))])),
                },
            };
        }
    }

    private static void DescribeSecurity(OpenApiOperation operation, ControllerActionDescriptor action, OpenApiDocument? document)
    {
        var anonymous = action.EndpointMetadata.OfType<IAllowAnonymous>().Any() || !action.EndpointMetadata.OfType<IAuthorizeData>().Any();
        operation.Security = anonymous
            ? []
            :
            [
                new() { [new OpenApiSecuritySchemeReference(NavixyDocumentTransformer.HeaderScheme, document)] = [] },
                new() { [new OpenApiSecuritySchemeReference(NavixyDocumentTransformer.QueryScheme, document)] = [] },
            ];
    }
}
