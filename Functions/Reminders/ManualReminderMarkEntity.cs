using Azure;
using Azure.Data.Tables;

namespace TetReadiness.Reminders;

/// <summary>
/// A row of <c>ManualReminders</c>: the last reminder a coordinator asked for, for one unit in one campaign (partition
/// = campaign id, row key = unit id). Its reminder is a row of <c>Reminders</c> like any other; this row only guards
/// the two hours between two of them.
/// </summary>
internal sealed class ManualReminderMarkEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string CampaignId { get; set; } = string.Empty;

    public string UnitId { get; set; } = string.Empty;

    /// <summary>The <c>manual-{yyyyMMddHHmm}</c> checkpoint of the last manual reminder.</summary>
    public string LastCheckpoint { get; set; } = string.Empty;

    public DateTimeOffset LastRemindedAt { get; set; }

    /// <summary>Who asked for it (<c>Caller.Identity</c>).</summary>
    public string LastBy { get; set; } = string.Empty;
}
