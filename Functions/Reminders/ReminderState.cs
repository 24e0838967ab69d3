namespace TetReadiness.Reminders;

/// <summary>Where a reminder stands, as written to the <c>State</c> column of <c>Reminders</c>.</summary>
public static class ReminderState
{
    /// <summary>Decided and on the queue (or waiting for a retry).</summary>
    public const string Queued = "queued";

    /// <summary>Claimed by a sender that is calling SendGrid now.</summary>
    public const string Sending = "sending";

    public const string Sent = "sent";

    /// <summary>Will not be sent: no officer email, a permanent SendGrid refusal, or retries exhausted.</summary>
    public const string Failed = "failed";

    /// <summary>A checkpoint missed while the app was down, covered by a later, more severe reminder.</summary>
    public const string Superseded = "superseded";
}
