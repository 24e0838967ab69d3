namespace TetReadiness.Outbox;

/// <summary>
/// The rules that keep an outgoing message from being lost or sent twice, the same for every message kind. No I/O.
/// A row that is still waiting (queued, or claimed by a sender) and that nothing has touched for
/// <see cref="LostAfter"/> has no message left that will send it: the run that added it was cut off before queueing
/// it, or its message went to the poison queue before a sender could claim the row. The next run queues it again
/// (or supersedes it, by its kind's policy); it claims the row with its ETag first, so overlapping runs queue it once.
/// </summary>
public static class OutboxRecovery
{
    /// <summary>
    /// Far longer than a message takes to be sent or to run out of retries (five tries 30 s apart), and than a
    /// scan's own fan-out, so a row whose message is still on its way is never taken for lost.
    /// </summary>
    public static readonly TimeSpan LostAfter = TimeSpan.FromHours(1);

    /// <param name="touched">When the app last wrote the row: added, claimed, released or queued again.</param>
    public static bool IsLost(string state, DateTimeOffset touched, DateTimeOffset now) =>
        OutboxState.IsWaiting(state) && touched <= now - LostAfter;

    /// <summary>The latest of the moments a row records; the first is the one every row has.</summary>
    public static DateTimeOffset LastTouched(DateTimeOffset added, params DateTimeOffset?[] later)
    {
        var latest = added;
        foreach (var moment in later)
        {
            if (moment > latest)
            {
                latest = moment.Value;
            }
        }

        return latest;
    }

    /// <summary>
    /// Whether a transient failure is the last one the row allows: <paramref name="maxAttempts"/> per round, where a
    /// round is the first delivery or an operator's re-drive of the poison queue (<paramref name="redrives"/>).
    /// </summary>
    public static bool GivesUp(int attempts, int redrives, int maxAttempts) =>
        attempts >= Math.Max(1, maxAttempts) * (redrives + 1);

    /// <summary>A row found lost: queued again now while its kind still wants it sent, superseded otherwise.</summary>
    public static void Recover(IOutboxRow row, bool stillDue, string notSentReason, DateTimeOffset now)
    {
        if (stillDue)
        {
            row.RequeuedAt = now;
        }
        else
        {
            row.State = OutboxState.Superseded;
            row.LastError = notSentReason;
        }
    }

    /// <summary>Whether a poison re-drive may reopen the row: it is waiting, or it failed because its attempts ran out.</summary>
    public static bool CanReopen(IOutboxRow row) =>
        OutboxState.IsWaiting(row.State) || row is { State: OutboxState.Failed, GaveUpAt: not null };

    /// <summary>
    /// A row a poison re-drive brings back: one whose attempts ran out is queued again with a fresh round, one still
    /// waiting is marked as queued again now, and one no longer due is superseded instead of sent late.
    /// </summary>
    public static void Reopen(IOutboxRow row, bool stillDue, string notSentReason, DateTimeOffset now)
    {
        if (!stillDue)
        {
            row.State = OutboxState.Superseded;
            row.LastError = notSentReason;
        }
        else if (row is { State: OutboxState.Failed, GaveUpAt: not null })
        {
            row.State = OutboxState.Queued;
            row.GaveUpAt = null;
            row.Redrives++;
        }

        row.RequeuedAt = now;
    }
}
