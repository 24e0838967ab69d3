using TetReadiness.Storage;

namespace TetReadiness.Monitoring;

/// <summary>Settings under <c>QueueWatch</c>: the queues reported on (infra sets them from main.bicep's watchedQueues).</summary>
public sealed class QueueWatchOptions
{
    public const string SectionName = "QueueWatch";

    /// <summary>Comma-separated queue names; each one's <c>-poison</c> twin is reported with it.</summary>
    public string Queues { get; set; } = string.Join(',', QueueNames.All);

    public IReadOnlyList<string> Names =>
        Queues.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
}
