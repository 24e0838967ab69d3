using System.Globalization;
using TetReadiness.Time;

namespace TetReadiness.Reminders;

/// <summary>
/// A reminder a coordinator asks for now (<c>POST …/units/{unitId}/remind</c>), beside the scan's ladder. Its
/// checkpoint is <c>manual-{yyyyMMddHHmm}</c> in Vietnam time, so each has its own row of <c>Reminders</c>; the ladder
/// never counts it, and it never supersedes a step of the ladder or is superseded by one. No I/O.
/// </summary>
public static class ManualReminder
{
    public const string CheckpointPrefix = "manual-";

    /// <summary>The least time between two manual reminders to one unit.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromHours(2);

    /// <summary>
    /// How long a manual reminder whose message was lost is still worth sending: long enough for the next daily scan
    /// to find it (a row is found lost after <see cref="Outbox.OutboxRecovery.LostAfter"/>, and the scan runs every 24 hours),
    /// short enough that nobody receives yesterday's reminder the day after.
    /// </summary>
    public static readonly TimeSpan StillDueFor = TimeSpan.FromHours(25);

    public const string ReturnedKind = "returned";

    public static string Checkpoint(DateTimeOffset at) =>
        CheckpointPrefix + VietnamTime.ToVietnam(at).ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);

    public static bool IsManual(string checkpoint) => checkpoint.StartsWith(CheckpointPrefix, StringComparison.Ordinal);

    /// <summary>When the unit may be reminded by hand again, or null when it may be now.</summary>
    public static DateTimeOffset? NotBefore(DateTimeOffset? lastRemindedAt, DateTimeOffset now) =>
        lastRemindedAt is { } last && now < last + MinInterval ? last + MinInterval : null;

    /// <summary>The checkpoint of a manual reminder at <paramref name="at"/>: days left to, or past, the unit's own deadline date.</summary>
    public static ReminderCheckpoint Decide(DateTimeOffset at, DateOnly deadlineDate)
    {
        var today = VietnamTime.DateOf(at);
        var daysLeft = VietnamTime.DaysBetween(today, deadlineDate);
        return new ReminderCheckpoint(Checkpoint(at), today, Math.Max(0, daysLeft), Math.Max(0, -daysLeft));
    }

    /// <summary>
    /// The reminder's wording: <c>upcoming</c> (days left), <c>deadline</c> (today), <c>overdue</c> (days past; never
    /// escalated: nobody is copied on a manual reminder), or <c>returned</c> for a unit whose report was sent back.
    /// </summary>
    public static string KindOf(ReminderCheckpoint checkpoint, bool returned) =>
        returned ? ReturnedKind : checkpoint.DaysOverdue > 0 ? "overdue" : checkpoint.Kind;

    /// <summary>Whether a manual reminder found lost, or brought back by a poison re-drive, is still worth sending.</summary>
    public static bool IsStillDue(DateTimeOffset decidedAt, DateTimeOffset now) => now - decidedAt < StillDueFor;
}
