namespace TetReadiness.FeedSchema;

/// <summary>One column of a feed table: its name in the feed, its type, how it is read, and the stored properties it reads.</summary>
public sealed record FeedColumn(string Name, FeedColumnType Type, Func<FeedRow, object?> Value, IReadOnlyList<string> Sources);
