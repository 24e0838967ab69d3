using Azure.Data.Tables;

namespace TetReadiness.Storage;

/// <summary>
/// The few query shapes the app uses, all built with <see cref="TableClient.CreateQueryFilter(System.FormattableString)"/>
/// so no value is ever spliced into OData by hand.
/// </summary>
public static class TableQueries
{
    public const int PageSize = 1000;

    public static string Partition(string partitionKey) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}");

    /// <summary>Rows of one partition whose row key starts with <paramref name="prefix"/>.</summary>
    public static string PartitionPrefix(string partitionKey, string prefix) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {prefix} and RowKey lt {prefix + '\uffff'}");

    /// <summary>Reads a whole partition, one request per page of up to 1,000 rows.</summary>
    public static async IAsyncEnumerable<T> ReadPartitionAsync<T>(
        TableClient table,
        string filter,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken,
        IEnumerable<string>? select = null)
        where T : class, ITableEntity
    {
        await foreach (var page in table.QueryAsync<T>(filter, PageSize, select, cancellationToken).AsPages())
        {
            foreach (var row in page.Values)
            {
                yield return row;
            }
        }
    }
}
