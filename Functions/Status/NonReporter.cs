using TetReadiness.Notes;

namespace TetReadiness.Status;

/// <summary>
/// A unit that has not reported; <c>daysOverdue</c> counts whole Vietnam calendar days past its <c>deadline</c>'s date,
/// which is its own when <c>extended</c>, else the campaign's. <c>remindersSent</c>, <c>lastRemindedAt</c> and
/// <c>noOfficerEmail</c> say what the reminders have done so far; <c>latestNote</c> is its coordinators' newest note.
/// </summary>
public sealed record NonReporter(
    string UnitId,
    string UnitName,
    string DistrictId,
    string DistrictName,
    int DaysOverdue,
    int RemindersSent = 0,
    DateTimeOffset? LastRemindedAt = null,
    bool NoOfficerEmail = false,
    DateTimeOffset Deadline = default,
    bool Extended = false,
    UnitNoteView? LatestNote = null);
