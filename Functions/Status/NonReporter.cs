namespace TetReadiness.Status;

/// <summary>
/// A unit that has not reported; <c>daysOverdue</c> counts whole Vietnam calendar days past the deadline's date.
/// <c>remindersSent</c>, <c>lastRemindedAt</c> and <c>noOfficerEmail</c> say what the reminders have done so far.
/// </summary>
public sealed record NonReporter(
    string UnitId,
    string UnitName,
    string DistrictId,
    string DistrictName,
    int DaysOverdue,
    int RemindersSent = 0,
    DateTimeOffset? LastRemindedAt = null,
    bool NoOfficerEmail = false);
