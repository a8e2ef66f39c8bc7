using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Navixy.Panel.Api.OpenApi;

/// <summary>
/// What the whole document shares: the protocol's description, the two ways to present a session hash, the error
/// envelope, the MFA union variants as components. Also drops the GET of a multipart upload, which no GET can carry.
/// </summary>
public sealed class NavixyDocumentTransformer(NavixyExtensionFields extensionFields, NavixyRequiredFields requiredFields) : IOpenApiDocumentTransformer
{
    public const string ResponseError = "ResponseError";
    public const string ErrorCodesKey = "x-navixy-error-codes";

    /// <summary>Navixy's own document names the header scheme <c>api_key</c>.</summary>
    public const string HeaderScheme = "api_key";
    public const string QueryScheme = "hash";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Navixy.Panel API",
            Version = "1.0.0",
            Summary = "Navixy-compatible Admin Panel API (MFA administration) and user login API",
            Description =
                "Every action is reachable with POST and GET at `/v2/<path>`, with or without a trailing slash. Parameters come as a JSON " +
                "body, a form-encoded body or the query string, all equivalent; in form and query style an object or array is JSON text, " +
                "e.g. `target={\"type\":\"selected\",\"ids\":[1,2]}`. A success is HTTP 200 with `{\"success\": true, ...}`; any other " +
                "status carries `{\"success\": false, \"status\": {\"code\": N, \"description\": \"...\"}}` (with `errors` on code 7). " +
                "Fields and parameters marked `x-navixy-extension` are not in Navixy's API; a Navixy client may ignore them.",
        };
        foreach (var server in document.Servers ?? [])
        {
            // The generator names the requested address with a trailing slash; the paths start with one.
            server.Url = server.Url?.TrimEnd('/');
        }

        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[HeaderScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "Authorization",
            Description = "The session hash with the `NVX ` prefix: `Authorization: NVX <hash>`. Panel hashes come from `panel/account/auth`, " +
                "user hashes from `user/auth`; one kind is refused (4) where the other is expected. The first place found wins: this header, " +
                "then `hash` in the body, then `hash` in the query string.",
        };
        document.Components.SecuritySchemes[QueryScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Query,
            Name = "hash",
            Description = "The session hash (32 lowercase hex characters) as the `hash` parameter, in the query string or at the root of the body.",
        };
        document.Components.Schemas.Remove("IFormFile");
        document.Components.Schemas[ResponseError] = ErrorEnvelope();
        MfaUnionSchemas.Componentize(document);
        requiredFields.StripNullIn(document);
        extensionFields.MarkIn(document);

        foreach (var item in (document.Paths ?? []).Values.OfType<OpenApiPathItem>())
        {
            if (item.Operations?.GetValueOrDefault(HttpMethod.Post)?.RequestBody?.Content?.ContainsKey(NavixyOperationTransformer.MultipartMedia) == true)
            {
                item.Operations.Remove(HttpMethod.Get);
            }
        }

        return Task.CompletedTask;
    }

    private static OpenApiSchema ErrorEnvelope() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "The error envelope: any HTTP status other than 200. Branch on `status.code`, never on `description`.",
        Required = new HashSet<string> { "success", "status" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["success"] = new OpenApiSchema { Type = JsonSchemaType.Boolean, Enum = [JsonValue.Create(false)], Description = "Always `false`." },
            ["status"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = new HashSet<string> { "code", "description" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["code"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The Navixy error code (not an HTTP status)." },
                    ["description"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A description for people; it may change." },
                },
            },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Description = "With code 7: the parameters refused, named as dotted paths such as `target.ids`.",
                Items = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "parameter", "error" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["parameter"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        ["error"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    },
                },
            },
            ["row_number"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "With code 7 or 206 from `panel/user/upload`: the row refused (the header is row 1)." },
        },
    };
}
