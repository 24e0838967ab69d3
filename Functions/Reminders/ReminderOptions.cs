using System.ComponentModel.DataAnnotations;

namespace TetReadiness.Reminders;

/// <summary>
/// Settings under <c>Reminders</c> (the schedule itself is the app setting <c>ReminderScanSchedule</c>). Send attempts
/// are not among them: the outbox takes them from host.json (<c>Outbox/OutboxOptions</c>).
/// </summary>
public sealed class ReminderOptions
{
    public const string SectionName = "Reminders";

    /// <summary>Messages sent to the queue at once by one scan.</summary>
    [Range(1, 256, ErrorMessage = "Reminders__EnqueueParallelism must be between 1 and 256.")]
    public int EnqueueParallelism { get; set; } = 16;

    /// <summary>Reminders packed into one queue message (fewer messages: a shorter scan, less queue work per reminder).</summary>
    [Range(1, 64, ErrorMessage = "Reminders__RemindersPerMessage must be between 1 and 64.")]
    public int RemindersPerMessage { get; set; } = 16;

    /// <summary>Reminders of one message sent at once; messages themselves run batchSize + newBatchThreshold at a time.</summary>
    [Range(1, 64, ErrorMessage = "Reminders__SendParallelismPerMessage must be between 1 and 64.")]
    public int SendParallelismPerMessage { get; set; } = 4;
}
