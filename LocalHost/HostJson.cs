using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace TetReadiness.LocalHost;

/// <summary>
/// The parts of <c>host.json</c> local mode honours, read from the same file the Functions host reads. As in Azure,
/// an app setting <c>AzureFunctionsJobHost__extensions__queues__visibilityTimeout</c> (and so on) overrides the file.
/// </summary>
public sealed record HostJson(
    string RoutePrefix,
    int QueueBatchSize,
    int QueueNewBatchThreshold,
    int QueueMaxDequeueCount,
    TimeSpan QueueVisibilityTimeout,
    TimeSpan QueueMaxPollingInterval,
    bool QueueBase64)
{
    public static HostJson Default { get; } = new("api", 16, 8, 5, TimeSpan.Zero, TimeSpan.FromMinutes(1), true);

    public static HostJson Load(string path, IConfiguration? configuration = null)
    {
        var root = File.Exists(path)
            ? JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })
            : null;

        string? Value(params string[] keys)
        {
            if (configuration?["AzureFunctionsJobHost:" + string.Join(':', keys)] is { } overridden)
            {
                return overridden;
            }

            var node = root;
            foreach (var key in keys)
            {
                node = node?[key];
            }

            return node is JsonValue value ? value.ToString() : null;
        }

        int Number(int fallback, params string[] keys) => int.TryParse(Value(keys), CultureInfo.InvariantCulture, out var n) ? n : fallback;

        TimeSpan Span(TimeSpan fallback, params string[] keys) => TimeSpan.TryParse(Value(keys), CultureInfo.InvariantCulture, out var s) ? s : fallback;

        var batchSize = Math.Clamp(Number(Default.QueueBatchSize, "extensions", "queues", "batchSize"), 1, 32);
        return new HostJson(
            RoutePrefix: (Value("extensions", "http", "routePrefix") ?? Default.RoutePrefix).Trim('/'),
            QueueBatchSize: batchSize,
            // As the queue extension: half a batch unless set.
            QueueNewBatchThreshold: Math.Max(0, Number(batchSize / 2, "extensions", "queues", "newBatchThreshold")),
            QueueMaxDequeueCount: Number(Default.QueueMaxDequeueCount, "extensions", "queues", "maxDequeueCount"),
            QueueVisibilityTimeout: Span(Default.QueueVisibilityTimeout, "extensions", "queues", "visibilityTimeout"),
            QueueMaxPollingInterval: Span(Default.QueueMaxPollingInterval, "extensions", "queues", "maxPollingInterval"),
            QueueBase64: !string.Equals(Value("extensions", "queues", "messageEncoding"), "none", StringComparison.OrdinalIgnoreCase));
    }
}
