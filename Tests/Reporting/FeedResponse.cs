using System.Text;
using System.Text.Json;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Reporting;

/// <summary>A feed response as the client receives it: the bytes exactly (a BOM included) and the decoded text.</summary>
public sealed record FeedResponse(int Status, string? ContentType, byte[] Bytes, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>The body decoded as UTF-8, a BOM kept as U+FEFF.</summary>
    public string Text => new UTF8Encoding(false).GetString(Bytes);

    public IReadOnlyList<JsonElement> Rows => JsonDocument.Parse(Bytes).RootElement.EnumerateArray().ToList();

    public HttpResponseSnapshot Snapshot => new(Status, ContentType, Text, Headers);
}
