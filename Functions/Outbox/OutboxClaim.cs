namespace TetReadiness.Outbox;

/// <summary>What a sender does with a row it has read (<see cref="OutboxRules.Decide"/>).</summary>
public enum OutboxClaim
{
    /// <summary>Waiting, or claimed by a sender that died: claim it (with its ETag) and send.</summary>
    Claim,

    /// <summary>Sent, failed or superseded: nothing to do.</summary>
    Done,

    /// <summary>Another sender claimed it moments ago: fail, so the queue tries again once that one has recorded its result.</summary>
    Busy,
}
