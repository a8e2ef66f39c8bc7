using System.Text.Json;
using System.Text.Json.Nodes;
using Navixy.Panel.Application.Common.Exceptions;

namespace Navixy.Panel.Api.Protocol;

/// <summary>Writes the Navixy envelopes: <c>{"success": true, ...}</c> and <c>{"success": false, "status": {...}}</c>.</summary>
public static class NavixyEnvelope
{
    public static int HttpStatusOf(ErrorCode code) => code switch
    {
        ErrorCode.DatabaseError or ErrorCode.UnexpectedError => StatusCodes.Status500InternalServerError,
        ErrorCode.TooLargeRequest => StatusCodes.Status412PreconditionFailed,
        ErrorCode.AccessDenied or ErrorCode.OperationNotPermitted or ErrorCode.ForbiddenForSessionType => StatusCodes.Status403Forbidden,
        ErrorCode.DatabaseUnavailable => StatusCodes.Status503ServiceUnavailable,
        ErrorCode.TooManyRequests => StatusCodes.Status429TooManyRequests,
        ErrorCode.WrongHandler => StatusCodes.Status404NotFound,
        ErrorCode.WrongMethod => StatusCodes.Status405MethodNotAllowed,
        _ => StatusCodes.Status400BadRequest,
    };

    public static JsonObject Error(ErrorCode code, string? description = null, IReadOnlyList<ParameterError>? errors = null, int? rowNumber = null)
    {
        var body = new JsonObject
        {
            ["success"] = false,
            ["status"] = new JsonObject
            {
                ["code"] = (int)code,
                ["description"] = description ?? ErrorDescriptions.Of(code),
            },
        };
        if (errors is { Count: > 0 })
        {
            body["errors"] = new JsonArray(errors.Select(e => (JsonNode)new JsonObject { ["parameter"] = e.Parameter, ["error"] = e.Error }).ToArray());
        }

        if (rowNumber is not null)
        {
            body["row_number"] = rowNumber;
        }

        return body;
    }

    public static Task WriteErrorAsync(HttpContext context, ErrorCode code, string? description = null, IReadOnlyList<ParameterError>? errors = null, int? rowNumber = null)
    {
        context.Response.StatusCode = HttpStatusOf(code);
        return WriteAsync(context, Error(code, description, errors, rowNumber));
    }

    public static async Task WriteAsync(HttpContext context, JsonObject body)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        body.WriteTo(writer, NavixyJson.Options);
        await writer.FlushAsync(context.RequestAborted);
    }

    /// <summary>
    /// Writes the success body: <c>success</c> first, then the payload's properties at the root. The payload is
    /// serialised once into a read-only document and its properties copied to the response as they are. The
    /// payload is serialised before anything is written, so a payload that cannot be serialised still leaves the
    /// response unstarted for the error envelope.
    /// </summary>
    public static async Task WriteSuccessAsync(HttpContext context, object? payload)
    {
        using var fields = payload is null ? null : JsonSerializer.SerializeToDocument(payload, payload.GetType(), NavixyJson.Options);
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteBoolean("success", true);
        if (fields is not null)
        {
            foreach (var property in fields.RootElement.EnumerateObject())
            {
                property.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}
