namespace TetReadiness.Outbox;

/// <summary>
/// The rules that keep an outgoing message from being lost or sent twice, the same for every message kind. No I/O.
/// A row that is still waiting (queued, or claimed by a sender) and that nothing has touched for
/// <see cref="LostAfter"/> has no message left that will send it: the run that added it was cut off before queueing
/// it, or its message went to the poison queue before a sender could claim the row. The next scan queues it again
/// (or supersedes it, by its kind's policy); it claims the row with its ETag first, so overlapping scans queue it once.
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
}
