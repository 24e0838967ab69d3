namespace TetReadiness.Digests;

/// <summary>Where a digest stands, as written to the <c>State</c> column of <c>Digests</c>.</summary>
public static class DigestState
{
    /// <summary>Planned and on the queue (or waiting for a retry).</summary>
    public const string Queued = "queued";

    /// <summary>Claimed by a sender that is calling SendGrid now.</summary>
    public const string Sending = "sending";

    public const string Sent = "sent";

    /// <summary>Will not be sent: a permanent SendGrid refusal, retries exhausted, or nothing left to report on.</summary>
    public const string Failed = "failed";
}
