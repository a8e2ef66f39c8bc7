using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Navixy.Panel.Application.Common.Exceptions;

namespace Navixy.Panel.Api.Protocol;

/// <summary>
/// Reads the request once for every action: enforces the body limit (9), parses a JSON, form or multipart body
/// (5 when it cannot be parsed) and merges its parameters over the query string's.
/// </summary>
public sealed class ProtocolMiddleware(RequestDelegate next, IOptions<ProtocolOptions> options)
{
    private readonly ProtocolOptions _options = options.Value;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!ApiPath.Contains(context.Request))
        {
            await next(context);
            return;
        }

        if (!EscapesDecodeToUtf8(context.Request.QueryString.Value))
        {
            throw new NavixyException(ErrorCode.WrongRequestFormat, "The query string is not valid UTF-8");
        }

        var parameters = new NavixyParameters();
        foreach (var (name, values) in context.Request.Query)
        {
            parameters.SetText(name, values.Count > 0 ? values[0] ?? string.Empty : string.Empty);
        }

        // Routing has already matched the endpoint, whatever the path's letter case.
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<FileUploadAttribute>() is null ? _options.MaxBodyBytes : _options.MaxUploadBytes;
        if (context.Request.ContentLength > limit)
        {
            throw new NavixyException(ErrorCode.TooLargeRequest);
        }

        var body = WithoutByteOrderMark(await ReadBodyAsync(context.Request, limit, context.RequestAborted));
        if (body.Length > 0)
        {
            await MergeBodyAsync(context, body, parameters);
        }

        parameters.AttachTo(context);
        await next(context);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new NavixyException(ErrorCode.TooLargeRequest);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static async Task MergeBodyAsync(HttpContext context, byte[] body, NavixyParameters parameters)
    {
        var request = context.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) && !string.IsNullOrWhiteSpace(request.ContentType))
        {
            // Not "none": a header that names no media type is no more readable than an unknown one.
            throw new NavixyException(ErrorCode.WrongRequestFormat, "The Content-Type header is not a media type");
        }

        var mediaType = contentType?.MediaType.Value?.ToLowerInvariant();

        if (mediaType == "multipart/form-data")
        {
            request.Body = new MemoryStream(body);
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(context.RequestAborted);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or FormatException)
            {
                throw new NavixyException(ErrorCode.WrongRequestFormat, "Malformed multipart body");
            }
            catch (NotSupportedException)
            {
                // A part's charset that .NET refuses to decode, such as UTF-7.
                throw new NavixyException(ErrorCode.WrongRequestFormat, "A multipart part names an unsupported charset");
            }

            await CheckTextPartsAreUtf8Async(body, HeaderUtilities.RemoveQuotes(contentType!.Boundary).Value!, context.RequestAborted);

            foreach (var (name, values) in form)
            {
                parameters.SetText(name, values[0] ?? string.Empty);
            }

            return;
        }

        if (!Utf8.IsValid(body))
        {
            // System.Text.Json checks the encoding of a string only when it is read: refuse the body up front.
            throw new NavixyException(ErrorCode.WrongRequestFormat, "The body is not valid UTF-8");
        }

        var looksLikeJson = FirstNonWhitespace(body) == (byte)'{';
        if (mediaType is "application/json" or "text/json" || mediaType?.EndsWith("+json", StringComparison.Ordinal) == true
            || (looksLikeJson && mediaType is null or "application/x-www-form-urlencoded" or "text/plain"))
        {
            // curl -d '{...}' without a content type sends JSON labelled as a form: it is read as the JSON it is.
            foreach (var (name, value) in ParseJsonObject(body))
            {
                parameters.SetJson(name, value);
            }

            return;
        }

        if (mediaType is null or "application/x-www-form-urlencoded")
        {
            var text = Encoding.UTF8.GetString(body);
            if (!EscapesDecodeToUtf8(text))
            {
                throw new NavixyException(ErrorCode.WrongRequestFormat, "The form body is not valid UTF-8");
            }

            foreach (var (name, values) in QueryHelpers.ParseQuery(text))
            {
                parameters.SetText(name, values[0] ?? string.Empty);
            }

            return;
        }

        throw new NavixyException(ErrorCode.WrongRequestFormat, $"Unsupported content type {mediaType}");
    }

    /// <summary>
    /// The form reader decodes a text part with U+FFFD for each invalid byte; such a part is refused like any other
    /// body that is not UTF-8. Files are the action's to read, and a part that names another charset is read in it.
    /// </summary>
    private static async Task CheckTextPartsAreUtf8Async(byte[] body, string boundary, CancellationToken cancellationToken)
    {
        var reader = new MultipartReader(boundary, new MemoryStream(body));
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            // The form reader decodes a part as UTF-8 unless its charset names another encoding .NET knows,
            // so a quoted, aliased or unknown charset is checked like no charset at all.
            var named = MediaTypeHeaderValue.TryParse(section.ContentType, out var partType) ? partType.Encoding : null;
            if (section.GetContentDispositionHeader()?.IsFileDisposition() == true
                || (named is not null && named.CodePage != Encoding.UTF8.CodePage))
            {
                continue;
            }

            using var text = new MemoryStream();
            await section.Body.CopyToAsync(text, cancellationToken);
            if (!Utf8.IsValid(text.GetBuffer().AsSpan(0, (int)text.Length)))
            {
                throw new NavixyException(ErrorCode.WrongRequestFormat, "A multipart part is not valid UTF-8");
            }
        }
    }

    /// <summary>Whether percent-escapes decode to UTF-8: the form and query readers keep an invalid escape as literal text.</summary>
    private static bool EscapesDecodeToUtf8(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Contains('%'))
        {
            return true;
        }

        var encoded = Encoding.UTF8.GetBytes(text);
        return Utf8.IsValid(WebUtility.UrlDecodeToBytes(encoded, 0, encoded.Length));
    }

    private static JsonObject ParseJsonObject(byte[] body)
    {
        JsonNode? node;
        try
        {
            node = NavixyJson.ParseRequest(body);
        }
        catch (JsonException)
        {
            throw new NavixyException(ErrorCode.WrongRequestFormat, "The JSON body cannot be parsed");
        }

        return node as JsonObject ?? throw new NavixyException(ErrorCode.WrongRequestFormat, "The JSON body must be an object");
    }

    /// <summary>A UTF-8 byte order mark is no part of the text (RFC 8259 lets a parser ignore it); JSON and form readers would not skip it.</summary>
    private static byte[] WithoutByteOrderMark(byte[] body) =>
        body.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? body[Encoding.UTF8.Preamble.Length..] : body;

    private static byte FirstNonWhitespace(byte[] body)
    {
        foreach (var b in body)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return b;
            }
        }

        return 0;
    }
}
