namespace TetReadiness.Reminders;

public sealed record ReminderScanResult(int Campaigns, int Queued, int Failed, int Superseded, int Requeued);
