using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

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
            throw ProblemException.BadRequest("Thân yêu cầu trống. (The request body is empty; a JSON object is expected.)");
        }

        try
        {
            return JsonSerializer.Deserialize<T>(json.Span, ApiJson.Options)
                ?? throw ProblemException.BadRequest("Thân yêu cầu là null. (The request body is JSON null; a JSON object is expected.)");
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line ? $" at line {line + 1}, position {exception.BytePositionInLine + 1}" : string.Empty;
            var path = string.IsNullOrEmpty(exception.Path) || exception.Path == "$" ? string.Empty : $" ({exception.Path})";
            throw ProblemException.BadRequest($"JSON không hợp lệ{where}{path}. (Malformed JSON{where}{path}.)");
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
            throw ProblemException.BadRequest(
                $"Tệp không phải UTF-8 (byte {exception.Index}). Hãy lưu từ Excel dạng \"CSV UTF-8\". (The body is not valid UTF-8; save as 'CSV UTF-8' in Excel.)");
        }
    }

    private static void RequireMediaType(HttpRequest request, string expected, string? suffix)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) || contentType.MediaType.Value is not { } mediaType)
        {
            throw ProblemException.UnsupportedMediaType($"Content-Type must be {expected}.");
        }

        var matches = mediaType.Equals(expected, StringComparison.OrdinalIgnoreCase)
            || (suffix is not null && mediaType.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));
        var charset = contentType.Charset.Value;
        if (!matches || (charset is not null && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            throw ProblemException.UnsupportedMediaType($"Content-Type must be {expected} (UTF-8), not '{request.ContentType}'.");
        }
    }

    private static async Task<byte[]> ReadLimitedAsync(HttpRequest request, int limitBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limitBytes)
        {
            throw ProblemException.PayloadTooLarge(limitBytes);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limitBytes)
            {
                throw ProblemException.PayloadTooLarge(limitBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
