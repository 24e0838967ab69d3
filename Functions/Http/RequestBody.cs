using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using TetReadiness.Messages;

namespace TetReadiness.Http;

/// <summary>
/// Reads a request body with the checks in the order the API promises: media type (415), size (413), syntax (400).
/// The size limit is enforced while reading, so a huge body is never buffered whole.
/// </summary>
public static class RequestBody
{
    public const int DefaultLimitBytes = 256 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<T> ReadJsonAsync<T>(HttpRequest request, CancellationToken cancellationToken, int limitBytes = DefaultLimitBytes)
        where T : class
    {
        RequireMediaType(request, "application/json", "+json");
        var bytes = await ReadLimitedAsync(request, limitBytes, cancellationToken);

        // A file saved by Notepad and sent as is starts with a UTF-8 BOM; RFC 8259 lets a parser ignore it, as the CSV path does.
        var json = bytes.AsMemory(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0);
        if (json.Length == 0)
        {
            throw Refusal.Invalid(c => c.EmptyBody());
        }

        try
        {
            return JsonSerializer.Deserialize<T>(json.Span, ApiJson.Options)
                ?? throw Refusal.Invalid(c => c.NullBody());
        }
        catch (JsonException exception)
        {
            throw Refusal.Invalid(MalformedJson(exception));
        }
    }

    public static async Task<string> ReadTextAsync(HttpRequest request, string mediaType, int limitBytes, CancellationToken cancellationToken)
    {
        RequireMediaType(request, mediaType, null);
        var bytes = await ReadLimitedAsync(request, limitBytes, cancellationToken);
        try
        {
            var text = StrictUtf8.GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException exception)
        {
            throw Refusal.Invalid(c => c.NotUtf8(exception.Index));
        }
    }

    /// <summary>Where the JSON broke, 1-based, and the path of the value when it is not the root.</summary>
    public static Message MalformedJson(JsonException exception)
    {
        var line = exception.LineNumber + 1;
        var position = exception.LineNumber is null ? null : exception.BytePositionInLine + 1;
        var path = string.IsNullOrEmpty(exception.Path) || exception.Path == "$" ? null : exception.Path;
        return c => c.MalformedJson(line, position, path);
    }

    private static void RequireMediaType(HttpRequest request, string expected, string? suffix)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) || contentType.MediaType.Value is not { } mediaType)
        {
            throw Refusal.UnsupportedMediaType(c => c.UnsupportedContentType(expected, null));
        }

        var matches = mediaType.Equals(expected, StringComparison.OrdinalIgnoreCase)
            || (suffix is not null && mediaType.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));
        var charset = contentType.Charset.Value;
        if (!matches || (charset is not null && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            var actual = request.ContentType;
            throw Refusal.UnsupportedMediaType(c => c.UnsupportedContentType(expected, actual));
        }
    }

    private static async Task<byte[]> ReadLimitedAsync(HttpRequest request, int limitBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limitBytes)
        {
            throw Refusal.TooLarge(limitBytes);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limitBytes)
            {
                throw Refusal.TooLarge(limitBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
