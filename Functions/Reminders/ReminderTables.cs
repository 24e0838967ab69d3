namespace TetReadiness.Reminders;

/// <summary>The tables reminders own; only the reminder stores name them.</summary>
public static class ReminderTables
{
    public const string Reminders = "Reminders";

    /// <summary>
    /// Partition <c>CampaignId</c>, row key <c>UnitId</c>: when a coordinator last reminded the unit by hand, the row
    /// two racing requests contend for under its ETag (<see cref="ManualReminderMarks"/>).
    /// </summary>
    public const string ManualReminders = "ManualReminders";

    public static IReadOnlyList<string> All { get; } = [Reminders, ManualReminders];
}
