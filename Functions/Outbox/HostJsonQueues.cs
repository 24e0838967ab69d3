using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace TetReadiness.Outbox;

/// <summary>
/// The queue settings of <c>host.json</c> that the outbox must agree with, read as the Functions host reads them: the
/// app setting <c>AzureFunctionsJobHost__extensions__queues__maxDequeueCount</c> when there is one (the host and the
/// worker share their app settings), otherwise the file, which is deployed beside the worker's assembly
/// (<c>Functions.csproj</c> copies it to the output and the publish folder).
/// </summary>
public static class HostJsonQueues
{
    /// <summary>The queue extension's own default, when neither the setting nor the file says.</summary>
    public const int DefaultMaxDequeueCount = 5;

    public const string MaxDequeueCountSetting = "AzureFunctionsJobHost:extensions:queues:maxDequeueCount";

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "host.json");

    /// <summary>
    /// How many times the host delivers a queue message before it moves it to the poison queue. Throws
    /// <see cref="InvalidOperationException"/> when the value cannot be read, naming where it was looked for.
    /// </summary>
    public static int MaxDequeueCount(IConfiguration configuration, string path)
    {
        if (configuration[MaxDequeueCountSetting] is { Length: > 0 } overridden)
        {
            return Parse(overridden, $"the app setting {MaxDequeueCountSetting.Replace(":", "__", StringComparison.Ordinal)}");
        }

        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"host.json was not found at {path}. The outbox takes its send attempts from its extensions.queues.maxDequeueCount; deploy host.json beside the app.");
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException exception)
        {
            throw new InvalidOperationException($"host.json at {path} is not valid JSON: {exception.Message}", exception);
        }

        return root?["extensions"]?["queues"]?["maxDequeueCount"] is JsonValue value
            ? Parse(value.ToString(), $"extensions.queues.maxDequeueCount in {path}")
            : DefaultMaxDequeueCount;
    }

    private static int Parse(string text, string where) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count >= 1
            ? count
            : throw new InvalidOperationException($"{where} is '{text}'; it must be a whole number of at least 1.");
}
