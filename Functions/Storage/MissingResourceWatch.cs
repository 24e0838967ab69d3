using Azure.Core;
using Azure.Core.Pipeline;

namespace TetReadiness.Storage;

/// <summary>
/// Sits in the pipeline of the app's storage clients and notices storage answering that a table or queue does not
/// exist (deleted, or an emulator that came back without its data). It wakes <see cref="StorageInitializer"/>, which
/// creates them again: no restart, and not one request spent looking while storage is as it should be.
/// </summary>
public sealed class MissingResourceWatch : HttpPipelinePolicy
{
    private TaskCompletionSource next = NewSignal();

    /// <summary>Completes when a missing table or queue is noticed after this property was read.</summary>
    public Task Next => Volatile.Read(ref next).Task;

    public void Report() => Interlocked.Exchange(ref next, NewSignal()).TrySetResult();

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ProcessNext(message, pipeline);
        Inspect(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline);
        Inspect(message);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Inspect(HttpMessage message)
    {
        if (message.HasResponse && message.Response.Status == 404
            && message.Response.Headers.TryGetValue("x-ms-error-code", out var code)
            && code is "TableNotFound" or "QueueNotFound")
        {
            Report();
        }
    }
}
