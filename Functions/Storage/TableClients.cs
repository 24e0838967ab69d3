using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace TetReadiness.Storage;

/// <summary>
/// Table clients with the configured prefix applied, created on demand (the SDK clients are cheap and thread-safe).
/// A feature's store asks here for its own tables by name; nothing here knows which tables exist.
/// </summary>
public sealed class TableClients(TableServiceClient service, IOptions<StorageOptions> options)
{
    private readonly string prefix = options.Value.TablePrefix;

    public TableServiceClient Service { get; } = service;

    public TableClient Get(string name) => Service.GetTableClient(prefix + name);
}
