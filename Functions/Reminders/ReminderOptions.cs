namespace TetReadiness.Reminders;

/// <summary>Settings under <c>Reminders</c> (the schedule itself is the app setting <c>ReminderScanSchedule</c>).</summary>
public sealed class ReminderOptions
{
    public const string SectionName = "Reminders";

    /// <summary>Send attempts before a reminder is recorded as failed; keep equal to host.json <c>maxDequeueCount</c>.</summary>
    public int MaxSendAttempts { get; set; } = 5;

    /// <summary>Messages sent to the queue at once by one scan.</summary>
    public int EnqueueParallelism { get; set; } = 16;
}
