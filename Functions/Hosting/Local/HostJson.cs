using System.Text.Json;
using System.Text.Json.Nodes;

namespace TetReadiness.Hosting.Local;

/// <summary>The parts of <c>host.json</c> local mode honours, read from the same file the Functions host reads.</summary>
public sealed record HostJson(
    string RoutePrefix,
    int QueueBatchSize,
    int QueueMaxDequeueCount,
    TimeSpan QueueVisibilityTimeout,
    TimeSpan QueueMaxPollingInterval,
    bool QueueBase64)
{
    public static HostJson Default { get; } = new("api", 16, 5, TimeSpan.Zero, TimeSpan.FromMinutes(1), true);

    public static HostJson Load(string path)
    {
        if (!File.Exists(path))
        {
            return Default;
        }

        var root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var extensions = root?["extensions"];
        var queues = extensions?["queues"];
        return new HostJson(
            RoutePrefix: (extensions?["http"]?["routePrefix"]?.GetValue<string>() ?? Default.RoutePrefix).Trim('/'),
            QueueBatchSize: queues?["batchSize"]?.GetValue<int>() ?? Default.QueueBatchSize,
            QueueMaxDequeueCount: queues?["maxDequeueCount"]?.GetValue<int>() ?? Default.QueueMaxDequeueCount,
            QueueVisibilityTimeout: Span(queues?["visibilityTimeout"], Default.QueueVisibilityTimeout),
            QueueMaxPollingInterval: Span(queues?["maxPollingInterval"], Default.QueueMaxPollingInterval),
            QueueBase64: !string.Equals(queues?["messageEncoding"]?.GetValue<string>(), "none", StringComparison.OrdinalIgnoreCase));
    }

    private static TimeSpan Span(JsonNode? node, TimeSpan fallback) =>
        node?.GetValue<string>() is { } text && TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
