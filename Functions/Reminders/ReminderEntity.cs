using Azure;
using Azure.Data.Tables;
using TetReadiness.Outbox;

namespace TetReadiness.Reminders;

/// <summary>
/// A row of <c>Reminders</c>: one decision of the reminder scan. Partition = campaign id; row key =
/// <c>{unitId}|{checkpoint}</c>, which is also the idempotency key within the campaign, so a scan that fires twice
/// cannot add the same reminder twice.
/// </summary>
public sealed class ReminderEntity : ITableEntity, IOutboxRow
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string CampaignId { get; set; } = string.Empty;

    public string UnitId { get; set; } = string.Empty;

    public string UnitName { get; set; } = string.Empty;

    public string DistrictId { get; set; } = string.Empty;

    public string DistrictName { get; set; } = string.Empty;

    /// <summary>
    /// <c>before-3</c>, <c>before-1</c>, <c>deadline</c> or <c>overdue-{n}</c>, followed by <c>@{yyyy-MM-dd}</c> for a unit
    /// with its own deadline on another date (<see cref="ReminderPolicy.KeySuffix"/>); or <c>manual-{yyyyMMddHHmm}</c>
    /// for a reminder a coordinator asked for (<see cref="ManualReminder"/>).
    /// </summary>
    public string Checkpoint { get; set; } = string.Empty;

    /// <summary><c>upcoming</c>, <c>deadline</c>, <c>overdue</c> or <c>escalated</c>; a manual reminder to a unit whose report was returned is <c>returned</c>.</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>The Vietnam calendar date the reminder was decided for, <c>yyyy-MM-dd</c>.</summary>
    public string ReminderDate { get; set; } = string.Empty;

    public int DaysLeft { get; set; }

    public int DaysOverdue { get; set; }

    public bool Escalated { get; set; }

    public string State { get; set; } = ReminderState.Queued;

    public string Recipients { get; set; } = string.Empty;

    public string Cc { get; set; } = string.Empty;

    public string IdempotencyKey { get; set; } = string.Empty;

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset DecidedAt { get; set; }

    public DateTimeOffset? ClaimedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>When a scan found it lost and queued it again, or a poison re-drive reopened it.</summary>
    public DateTimeOffset? RequeuedAt { get; set; }

    /// <summary>When the sender gave up after its attempts ran out; only such a failure is reopened by a re-drive.</summary>
    public DateTimeOffset? GaveUpAt { get; set; }

    /// <summary>Re-drives that reopened it; each gives it a fresh round of attempts.</summary>
    public int Redrives { get; set; }

    /// <summary>A reminder row does not record when its message was queued; one never queued is found an hour later.</summary>
    bool IOutboxRow.NeverQueued => false;

    /// <summary>When the app last wrote it, for <see cref="OutboxRecovery.IsLost"/>. A method: a property would be stored.</summary>
    public DateTimeOffset LastTouched() => OutboxRecovery.LastTouched(DecidedAt, ClaimedAt, RequeuedAt);

    public static string RowKeyFor(string unitId, string checkpoint) => $"{unitId}|{checkpoint}";
}
