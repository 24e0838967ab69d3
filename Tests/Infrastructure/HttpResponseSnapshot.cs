using System.Text.Json;

namespace TetReadiness.Tests.Infrastructure;

public sealed record HttpResponseSnapshot(int Status, string? ContentType, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public bool IsProblem => ContentType?.StartsWith("application/problem+json", StringComparison.Ordinal) == true;

    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : string.Empty;
}
