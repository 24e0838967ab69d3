namespace TetReadiness.Reminders;

/// <summary>The answer to <c>POST …/units/{unitId}/remind</c> (202): the reminder's checkpoint and when it was queued (Vietnam time).</summary>
public sealed record ManualReminderReceipt(string Checkpoint, DateTimeOffset QueuedAt);
