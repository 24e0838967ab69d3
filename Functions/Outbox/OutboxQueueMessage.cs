namespace TetReadiness.Outbox;

/// <summary>One queue message as a kind packs it: the text that goes on the queue and the rows it carries.</summary>
public sealed record OutboxQueueMessage<TRow>(string Body, IReadOnlyList<TRow> Rows);
