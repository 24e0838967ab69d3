namespace TetReadiness.Outbox;

/// <summary>
/// What every outbox row records about its message's delivery, whatever its kind and table: the outbox reads and
/// writes these, and the kind's store writes them with the rest of the row. A row's identity (its idempotency key) and
/// its ETag stay with the kind's store.
/// </summary>
public interface IOutboxRow
{
    /// <summary>One of <see cref="OutboxState"/>.</summary>
    string State { get; set; }

    /// <summary>Send attempts (a channel that is not configured does not count one).</summary>
    int Attempts { get; set; }

    string? LastError { get; set; }

    DateTimeOffset? ClaimedAt { get; set; }

    DateTimeOffset? SentAt { get; set; }

    /// <summary>When a run found it lost and queued it again, or a poison re-drive reopened it.</summary>
    DateTimeOffset? RequeuedAt { get; set; }

    /// <summary>When the sender gave up after its attempts ran out; only such a failure is reopened by a re-drive.</summary>
    DateTimeOffset? GaveUpAt { get; set; }

    /// <summary>Re-drives that reopened it; each gives it a fresh round of attempts.</summary>
    int Redrives { get; set; }

    /// <summary>
    /// True when the row itself shows that no message was ever queued for it: a run stopped between adding it and
    /// queueing it. A run that meets such a row when it adds the same one queues it at once. A kind whose rows do not
    /// record queueing says false; its unqueued rows are found an hour later (<see cref="OutboxRecovery.IsLost"/>).
    /// </summary>
    bool NeverQueued { get; }

    /// <summary>When the app last wrote the row (<see cref="OutboxRecovery.LastTouched"/>).</summary>
    DateTimeOffset LastTouched();
}
