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

    /// <summary>
    /// A large text body, copied to a temporary file as it arrives (deleted when the returned stream is disposed) instead
    /// of held in memory: the same checks in the same order as <see cref="ReadTextAsync"/> (415, 413 while reading,
    /// then 400 naming the first byte that is not UTF-8). The stream is positioned after a UTF-8 byte order mark.
    /// </summary>
    public static async Task<Stream> SpoolTextAsync(HttpRequest request, string mediaType, int limitBytes, CancellationToken cancellationToken)
    {
        RequireMediaType(request, mediaType, null);
        if (request.ContentLength > limitBytes)
        {
            throw Refusal.TooLarge(limitBytes);
        }

        var path = Path.Combine(Path.GetTempPath(), $"tetreadiness-body-{Guid.NewGuid():N}.tmp");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var decoder = StrictUtf8.GetDecoder();
            var chunk = new byte[64 * 1024];
            var chars = new char[StrictUtf8.GetMaxCharCount(chunk.Length)];
            long length = 0;
            long? invalidAt = null;
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (length + read > limitBytes)
                {
                    throw Refusal.TooLarge(limitBytes);
                }

                if (invalidAt is null)
                {
                    try
                    {
                        decoder.GetChars(chunk, 0, read, chars, 0, flush: false);
                    }
                    catch (DecoderFallbackException exception)
                    {
                        // The index is within this chunk, negative when the bad sequence began in the one before.
                        invalidAt = length + exception.Index;
                    }
                }

                await file.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
                length += read;
            }

            if (invalidAt is null)
            {
                try
                {
                    decoder.GetChars([], 0, 0, chars, 0, flush: true);
                }
                catch (DecoderFallbackException exception)
                {
                    invalidAt = length + exception.Index;
                }
            }

            if (invalidAt is { } index)
            {
                throw Refusal.Invalid(c => c.NotUtf8((int)index));
            }

            file.Position = 0;
            var preamble = new byte[3];
            var bom = await file.ReadAsync(preamble, cancellationToken) == 3 && preamble.AsSpan().SequenceEqual(Encoding.UTF8.Preamble);
            file.Position = bom ? 3 : 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
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
