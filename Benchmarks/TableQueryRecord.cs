namespace TetReadiness.Benchmarks;

/// <summary>
/// One table query request as the proxy saw it: the table, its <c>$filter</c>, the partition it continued from
/// (<c>NextPartitionKey</c> of the request) and the partition the answer said to continue at (its
/// <c>x-ms-continuation-NextPartitionKey</c> header), both as Azurite encodes them.
/// </summary>
public sealed record TableQueryRecord(string Table, string Filter, string? ContinuedFrom, string? ContinuesAt);
