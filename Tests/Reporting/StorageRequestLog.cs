using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace TetReadiness.Tests.Reporting;

/// <summary>
/// A pipeline policy on the app's <see cref="Azure.Data.Tables.TableServiceClient"/> that records every storage
/// request in order, with the bytes of the response body written so far: streaming is counted, not timed.
/// It can also fail a chosen request, as a storage outage in the middle of a response would.
/// </summary>
public sealed class StorageRequestLog : HttpPipelinePolicy
{
    private readonly Lock gate = new();
    private readonly List<StorageRequest> requests = [];

    public Func<long> BytesWritten { get; set; } = () => 0;

    public Func<StorageRequest, bool> FailWhen { get; set; } = _ => false;

    public IReadOnlyList<StorageRequest> Requests
    {
        get
        {
            lock (gate)
            {
                return requests.ToList();
            }
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            requests.Clear();
        }
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        ProcessNext(message, pipeline);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        await ProcessNextAsync(message, pipeline);
    }

    private void Record(HttpMessage message)
    {
        var uri = message.Request.Uri.ToUri();
        var request = new StorageRequest(message.Request.Method.ToString(), Uri.UnescapeDataString(uri.AbsolutePath), Uri.UnescapeDataString(uri.Query), BytesWritten());
        lock (gate)
        {
            requests.Add(request);
        }

        if (FailWhen(request))
        {
            throw new RequestFailedException(503, "Injected storage failure.");
        }
    }
}
