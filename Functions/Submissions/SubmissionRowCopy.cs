using Azure.Data.Tables;

namespace TetReadiness.Submissions;

/// <summary>A stored <c>Submissions</c> row with every column, ready to be written under another row key.</summary>
internal static class SubmissionRowCopy
{
    public static TableEntity At(TableEntity source, string rowKey)
    {
        var copy = new TableEntity(source.PartitionKey, rowKey);
        foreach (var (name, value) in source)
        {
            // The service sets these on every write; they are not columns to carry over.
            if (name is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
            {
                copy[name] = value;
            }
        }

        return copy;
    }
}
