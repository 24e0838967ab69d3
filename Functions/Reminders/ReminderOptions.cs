namespace TetReadiness.Reminders;

/// <summary>
/// Settings under <c>Reminders</c> (the schedule itself is the app setting <c>ReminderScanSchedule</c>). Send attempts
/// are not among them: the outbox takes them from host.json (<c>Outbox/OutboxOptions</c>).
/// </summary>
public sealed class ReminderOptions
{
    public const string SectionName = "Reminders";

    /// <summary>Messages sent to the queue at once by one scan.</summary>
    public int EnqueueParallelism { get; set; } = 16;

    /// <summary>Reminders packed into one queue message (fewer messages: a shorter scan, less queue work per reminder).</summary>
    public int RemindersPerMessage { get; set; } = 16;

    /// <summary>Reminders of one message sent at once; messages themselves run batchSize + newBatchThreshold at a time.</summary>
    public int SendParallelismPerMessage { get; set; } = 4;
}
