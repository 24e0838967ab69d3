namespace TetReadiness.Outbox;

/// <summary>What a send's result made of the row (<see cref="OutboxRules.Settle"/>), and so what the sender does next.</summary>
public enum OutboxSettlement
{
    Sent,

    /// <summary>Refused for good: recorded as failed, not retried.</summary>
    FailedPermanently,

    /// <summary>Recorded; the invocation fails so the queue retries (the row says failed once its attempts ran out).</summary>
    Retry,

    /// <summary>The channel is not configured: the claim is released, no attempt counted, and the message comes back later.</summary>
    WaitsForChannel,
}
