namespace TetReadiness.Outbox;

/// <summary>How one send through a channel went. <see cref="Error"/> goes to the row's <c>LastError</c>, never to a log.</summary>
public sealed record OutboxSendResult(OutboxSendOutcome Outcome, int? StatusCode, string? Error);
