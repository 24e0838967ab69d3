namespace TetReadiness.Outbox;

/// <summary>
/// How a sender treats a row, the same for every kind and channel. No I/O: the outbox reads the row, applies these,
/// and writes the row back with its ETag.
/// </summary>
public static class OutboxRules
{
    /// <summary>A claim older than this is taken to be from a sender that died (a send times out after 30 seconds).</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(1);

    public static OutboxClaim Decide(IOutboxRow row, DateTimeOffset now) => row.State switch
    {
        OutboxState.Sent or OutboxState.Failed or OutboxState.Superseded => OutboxClaim.Done,
        OutboxState.Sending when row.ClaimedAt > now - ClaimLease => OutboxClaim.Busy,
        _ => OutboxClaim.Claim,
    };

    /// <summary>Claims the row for one attempt; the outbox then writes it with the ETag it was read with.</summary>
    public static void Claim(IOutboxRow row, DateTimeOffset now)
    {
        row.State = OutboxState.Sending;
        row.Attempts++;
        row.ClaimedAt = now;
    }

    /// <summary>Nothing is left to send (what the message was about no longer exists): failed, and no attempt counted.</summary>
    public static void NothingToSend(IOutboxRow row, string reason)
    {
        row.State = OutboxState.Failed;
        row.LastError = reason;
    }

    /// <summary>
    /// Records how the send went on the claimed row. A transient failure uses up an attempt; the last one the round
    /// allows (<see cref="OutboxRecovery.GivesUp"/>) fails the row with <c>GaveUpAt</c>, which a poison re-drive can
    /// reopen. A channel that is not configured releases the claim without counting the attempt.
    /// </summary>
    public static OutboxSettlement Settle(IOutboxRow row, OutboxSendResult result, int maxAttempts, string poisonQueue, DateTimeOffset now)
    {
        row.LastError = result.Error;
        switch (result.Outcome)
        {
            case OutboxSendOutcome.NotConfigured:
                row.State = OutboxState.Queued;
                row.Attempts--;
                return OutboxSettlement.WaitsForChannel;
            case OutboxSendOutcome.Sent:
                row.State = OutboxState.Sent;
                row.SentAt = now;
                return OutboxSettlement.Sent;
            case OutboxSendOutcome.PermanentFailure:
                row.State = OutboxState.Failed;
                return OutboxSettlement.FailedPermanently;
            default:
                var givingUp = OutboxRecovery.GivesUp(row.Attempts, row.Redrives, maxAttempts);
                row.State = givingUp ? OutboxState.Failed : OutboxState.Queued;
                if (givingUp)
                {
                    row.GaveUpAt = now;
                    row.LastError = $"Gave up after {row.Attempts} attempts; the message goes to {poisonQueue}, from where RedrivePoison can bring it back. Last error: {result.Error}";
                }

                return OutboxSettlement.Retry;
        }
    }
}
