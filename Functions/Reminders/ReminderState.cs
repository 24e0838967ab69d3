using TetReadiness.Outbox;

namespace TetReadiness.Reminders;

/// <summary>Where a reminder stands, as written to the <c>State</c> column of <c>Reminders</c>.</summary>
public static class ReminderState
{
    /// <summary>Decided and on the queue (or waiting for a retry, or lost and queued again by the next scan).</summary>
    public const string Queued = OutboxState.Queued;

    /// <summary>Claimed by a sender that is calling SendGrid now.</summary>
    public const string Sending = OutboxState.Sending;

    public const string Sent = OutboxState.Sent;

    /// <summary>Will not be sent: no officer email, a permanent SendGrid refusal, or retries exhausted (a re-drive can reopen those).</summary>
    public const string Failed = OutboxState.Failed;

    /// <summary>
    /// Not sent: a checkpoint missed while the app was down, covered by a later, more severe reminder; or a lost
    /// reminder that was no longer due when it was found (a later checkpoint was, the unit had reported, or the campaign had closed).
    /// </summary>
    public const string Superseded = OutboxState.Superseded;
}
