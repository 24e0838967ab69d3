namespace TetReadiness.Digests;

/// <summary>A unit that has not reported, with the reminders it has had; <see cref="NoEmail"/> when nobody can be reminded.</summary>
public sealed record MissingUnit(
    string UnitId,
    string UnitName,
    string DistrictName,
    int DaysOverdue,
    int RemindersSent,
    DateTimeOffset? LastRemindedAt,
    bool NoEmail);
