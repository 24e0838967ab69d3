using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace TetReadiness.Storage;

/// <summary>
/// Builds the storage clients from the connection named <c>Storage</c>, the same way the queue trigger reads it:
/// a connection string when one is given (Azurite), otherwise an account name or service URIs with
/// <see cref="DefaultAzureCredential"/> (the Function App's managed identity).
/// </summary>
public static class StorageClientFactory
{
    public const string ConnectionName = "Storage";

    public static TableServiceClient CreateTableService(IConfiguration configuration, StorageOptions options, MissingResourceWatch? watch = null)
    {
        var clientOptions = new TableClientOptions();
        ApplyRetry(clientOptions.Retry, options);
        Watch(clientOptions, watch);
        if (ConnectionString(configuration) is { } connectionString)
        {
            return new TableServiceClient(connectionString, clientOptions);
        }

        var uri = options.TableServiceUri ?? AccountUri(options, "table");
        return new TableServiceClient(uri, new DefaultAzureCredential(), clientOptions);
    }

    /// <summary>
    /// Queue clients encode Base64 by default, as the Functions queue trigger expects; a plain-text message would be poisoned.
    /// </summary>
    public static QueueServiceClient CreateQueueService(
        IConfiguration configuration,
        StorageOptions options,
        QueueMessageEncoding encoding = QueueMessageEncoding.Base64,
        MissingResourceWatch? watch = null)
    {
        var clientOptions = new QueueClientOptions { MessageEncoding = encoding };
        ApplyRetry(clientOptions.Retry, options);
        Watch(clientOptions, watch);
        if (ConnectionString(configuration) is { } connectionString)
        {
            return new QueueServiceClient(connectionString, clientOptions);
        }

        var uri = options.QueueServiceUri ?? AccountUri(options, "queue");
        return new QueueServiceClient(uri, new DefaultAzureCredential(), clientOptions);
    }

    public static BlobServiceClient CreateBlobService(IConfiguration configuration, StorageOptions options)
    {
        var clientOptions = new BlobClientOptions();
        ApplyRetry(clientOptions.Retry, options);
        if (ConnectionString(configuration) is { } connectionString)
        {
            return new BlobServiceClient(connectionString, clientOptions);
        }

        var uri = options.BlobServiceUri ?? AccountUri(options, "blob");
        return new BlobServiceClient(uri, new DefaultAzureCredential(), clientOptions);
    }

    public static string? ConnectionString(IConfiguration configuration) =>
        configuration[ConnectionName] is { Length: > 0 } value ? value : null;

    private static Uri AccountUri(StorageOptions options, string service) =>
        string.IsNullOrWhiteSpace(options.AccountName)
            ? throw new InvalidOperationException(
                "No storage configured: set 'Storage' to a connection string, or 'Storage__accountName' (or the service URIs) for a managed identity.")
            : new Uri($"https://{options.AccountName}.{service}.core.windows.net");

    private static void Watch(ClientOptions clientOptions, MissingResourceWatch? watch)
    {
        if (watch is not null)
        {
            // Per call: it sees the answer the caller gets, after the retries.
            clientOptions.AddPolicy(watch, HttpPipelinePosition.PerCall);
        }
    }

    private static void ApplyRetry(RetryOptions retry, StorageOptions options)
    {
        retry.Mode = RetryMode.Exponential;
        retry.MaxRetries = Math.Max(0, options.MaxRetries);
        retry.Delay = TimeSpan.FromMilliseconds(200);
        retry.MaxDelay = TimeSpan.FromSeconds(5);
        retry.NetworkTimeout = TimeSpan.FromSeconds(Math.Max(1, options.NetworkTimeoutSeconds));
    }
}
