namespace TetReadiness.Reminders;

/// <summary>What to send to one unit now, and which missed checkpoints it covers.</summary>
public sealed record ReminderDecision(ReminderCheckpoint Send, IReadOnlyList<ReminderCheckpoint> Superseded);
