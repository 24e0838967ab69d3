using Azure.Data.Tables;

namespace TetReadiness.Maintenance.Purge;

/// <summary>One row as it will be written back (read with its ETag), and the columns that lose personal data.</summary>
public sealed record PurgeChange(string Table, TableEntity Row, IReadOnlyList<string> Columns);
