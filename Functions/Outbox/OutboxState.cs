namespace TetReadiness.Outbox;

/// <summary>Where an outgoing message stands, as every message kind writes it to its row's <c>State</c> column.</summary>
public static class OutboxState
{
    /// <summary>Waiting to be sent: on the queue, waiting for a retry, or lost on the way (see <see cref="OutboxRecovery"/>).</summary>
    public const string Queued = "queued";

    /// <summary>Claimed by a sender that is handing it to its channel now.</summary>
    public const string Sending = "sending";

    public const string Sent = "sent";

    /// <summary>Will not be sent; a row whose attempts ran out can still be reopened by a poison re-drive.</summary>
    public const string Failed = "failed";

    /// <summary>Will not be sent because a later message of the same kind covers it.</summary>
    public const string Superseded = "superseded";

    public static bool IsWaiting(string state) => state is Queued or Sending;
}
