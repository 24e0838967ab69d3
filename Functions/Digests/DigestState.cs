using TetReadiness.Outbox;

namespace TetReadiness.Digests;

/// <summary>Where a digest stands, as written to the <c>State</c> column of <c>Digests</c>.</summary>
public static class DigestState
{
    /// <summary>Planned and on the queue (or waiting for a retry, or lost and queued again by the next run).</summary>
    public const string Queued = OutboxState.Queued;

    /// <summary>Claimed by a sender that is calling SendGrid now.</summary>
    public const string Sending = OutboxState.Sending;

    public const string Sent = OutboxState.Sent;

    /// <summary>Will not be sent: a permanent SendGrid refusal, retries exhausted (a re-drive can reopen those), or nothing left to report on.</summary>
    public const string Failed = OutboxState.Failed;

    /// <summary>A day's digest that never went out, found after that day: the next day's digest covers it.</summary>
    public const string Superseded = OutboxState.Superseded;
}
