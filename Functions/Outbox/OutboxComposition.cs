namespace TetReadiness.Outbox;

/// <summary>
/// What a kind composed for one row: the content a channel sends (an <c>EmailMessage</c> for email), or, when there
/// is nothing left to send (what the message was about no longer exists), the reason recorded on the failed row.
/// </summary>
public sealed record OutboxComposition(object? Content, string? NothingToSend)
{
    public static OutboxComposition Of(object content) => new(content, null);

    public static OutboxComposition Nothing(string reason) => new(null, reason);
}
