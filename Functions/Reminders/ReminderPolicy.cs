namespace TetReadiness.Reminders;

/// <summary>
/// Who is reminded, and when. A unit that has not reported gets at most one reminder per scan: the most severe
/// checkpoint that is due and not yet recorded. Earlier checkpoints missed while the app was down are recorded as
/// superseded, not sent late. All dates are Vietnam calendar dates. A unit granted its own deadline on another date
/// than the campaign's climbs a ladder of its own, whose keys carry that date (<see cref="KeySuffix"/>): the steps it
/// climbed towards the campaign's deadline do not count as steps towards its own. No I/O.
/// </summary>
public static class ReminderPolicy
{
    public static ReminderDecision? Decide(DateOnly opensDate, DateOnly deadlineDate, DateOnly today, IReadOnlySet<string> recordedCheckpoints, string keySuffix = "")
    {
        var due = DueCheckpoints(opensDate, deadlineDate, today, keySuffix);
        if (due.Count == 0 || recordedCheckpoints.Contains(due[^1].Key))
        {
            return null;
        }

        var superseded = due.Take(due.Count - 1).Where(c => !recordedCheckpoints.Contains(c.Key)).ToList();
        return new ReminderDecision(due[^1], superseded);
    }

    /// <summary>
    /// Whether a reminder found lost (its message never sent it) is still worth sending: only while its checkpoint
    /// is the one due today. Otherwise it is superseded, and today's checkpoint is decided in its own right.
    /// </summary>
    public static bool IsStillDue(DateOnly opensDate, DateOnly deadlineDate, DateOnly today, string checkpoint, string keySuffix = "")
    {
        var due = DueCheckpoints(opensDate, deadlineDate, today, keySuffix);
        return due.Count > 0 && due[^1].Key == checkpoint;
    }

    /// <summary>Every checkpoint from the campaign's opening up to today, oldest first.</summary>
    public static IReadOnlyList<ReminderCheckpoint> DueCheckpoints(DateOnly opensDate, DateOnly deadlineDate, DateOnly today, string keySuffix = "")
    {
        var checkpoints = new List<ReminderCheckpoint>
        {
            new("before-3" + keySuffix, deadlineDate.AddDays(-3), 3, 0),
            new("before-1" + keySuffix, deadlineDate.AddDays(-1), 1, 0),
            new("deadline" + keySuffix, deadlineDate, 0, 0),
        };
        for (var day = 1; deadlineDate.AddDays(day) <= today; day++)
        {
            checkpoints.Add(new ReminderCheckpoint($"overdue-{day}{keySuffix}", deadlineDate.AddDays(day), 0, day));
        }

        return checkpoints.Where(c => c.Date <= today && c.Date >= opensDate).ToList();
    }

    /// <summary>
    /// What a unit's checkpoint keys end with: nothing on the campaign's deadline date, <c>@{yyyy-MM-dd}</c> of its own
    /// deadline date otherwise (<c>deadline@2024-02-05</c>), so a unit whose deadline moved is reminded towards it afresh.
    /// </summary>
    public static string KeySuffix(DateOnly campaignDeadlineDate, DateOnly unitDeadlineDate) =>
        unitDeadlineDate == campaignDeadlineDate ? string.Empty : "@" + unitDeadlineDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
