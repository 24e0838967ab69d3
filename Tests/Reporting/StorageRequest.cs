namespace TetReadiness.Tests.Reporting;

/// <summary>One request the app sent to storage, and how many response bytes the feed had written before it.</summary>
public sealed record StorageRequest(string Method, string Path, string Query, long BytesWrittenBefore)
{
    /// <summary>A query (one page) of the given table: <c>GET /{account}/{table}()?...</c>.</summary>
    public bool IsPageOf(string tableName) =>
        Method == "GET" && Path.EndsWith("/" + tableName + "()", StringComparison.Ordinal);
}
