namespace TetReadiness.Reminders;

/// <summary>The table reminders own; only the reminder stores name it.</summary>
public static class ReminderTables
{
    public const string Reminders = "Reminders";

    public static IReadOnlyList<string> All { get; } = [Reminders];
}
