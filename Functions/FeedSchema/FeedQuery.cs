namespace TetReadiness.FeedSchema;

/// <summary>One read of a feed table's rows: a stored table and a filter built with <c>TableClient.CreateQueryFilter</c> (one request per page).</summary>
public sealed record FeedQuery(string Table, string Filter);
