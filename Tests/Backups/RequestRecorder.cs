using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace TetReadiness.Tests.Backups;

/// <summary>Records every request a storage client sends, in order: method and path with query.</summary>
public sealed class RequestRecorder : HttpPipelinePolicy
{
    public ConcurrentQueue<string> Requests { get; } = new();

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Record(HttpMessage message) => Requests.Enqueue($"{message.Request.Method} {Uri.UnescapeDataString(message.Request.Uri.ToUri().PathAndQuery)}");
}
