namespace TetReadiness.Reminders;

/// <summary>
/// A moment a silent unit is reminded: 3 days and 1 day before the deadline's date, on it, then every overdue day,
/// escalated (the area's coordinators copied) from the 3rd overdue day.
/// </summary>
public sealed record ReminderCheckpoint(string Key, DateOnly Date, int DaysLeft, int DaysOverdue)
{
    public const int EscalateFromOverdueDay = 3;

    public bool Escalated => DaysOverdue >= EscalateFromOverdueDay;

    /// <summary><c>upcoming</c>, <c>deadline</c>, <c>overdue</c> or <c>escalated</c>.</summary>
    public string Kind => DaysLeft > 0 ? "upcoming" : DaysOverdue == 0 ? "deadline" : Escalated ? "escalated" : "overdue";
}
