using Azure;

namespace TetReadiness.Reminders;

/// <summary>A unit's last manual reminder as <see cref="ManualReminderMarks"/> read it, with the ETag a new one is claimed under.</summary>
public sealed record ManualReminderMark(string LastCheckpoint, DateTimeOffset LastRemindedAt, string LastBy, ETag ETag);
