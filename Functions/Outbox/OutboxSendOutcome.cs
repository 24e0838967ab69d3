namespace TetReadiness.Outbox;

public enum OutboxSendOutcome
{
    Sent,

    /// <summary>Worth retrying: throttled, the provider failing, a timeout or no answer.</summary>
    TransientFailure,

    /// <summary>Retrying this message cannot help: the provider refused the message itself.</summary>
    PermanentFailure,

    /// <summary>
    /// A fault of the configuration, not of the message: no usable key, or the provider refused the key. Nothing is
    /// used up: the message waits, and goes out once the channel works.
    /// </summary>
    NotConfigured,
}
