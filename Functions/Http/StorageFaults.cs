using System.Net.Sockets;
using Azure;

namespace TetReadiness.Http;

/// <summary>Tells a storage outage (no answer, timeouts, 5xx after retries) from a storage answer the code must handle.</summary>
public static class StorageFaults
{
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        RequestFailedException { Status: 0 } => true,
        RequestFailedException { Status: >= 500 } => true,
        RequestFailedException { ErrorCode: "TableNotFound" or "QueueNotFound" } => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsUnavailable),
        HttpRequestException => true,
        SocketException => true,
        TaskCanceledException or OperationCanceledException when exception.InnerException is TimeoutException => true,
        TimeoutException => true,
        _ => exception.InnerException is { } inner && IsUnavailable(inner),
    };
}
