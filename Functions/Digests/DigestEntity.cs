using System.Text;
using Azure;
using Azure.Data.Tables;
using TetReadiness.Outbox;

namespace TetReadiness.Digests;

/// <summary>
/// A row of <c>Digests</c>: one email to one recipient on one Vietnam calendar day. Partition = the date
/// (<c>yyyy-MM-dd</c>); row key = the recipient's email, lowercase, which is also the idempotency key of the day:
/// a second digest run cannot add the row again, so it queues nothing.
/// </summary>
public sealed class DigestEntity : ITableEntity, IOutboxRow
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>The Vietnam calendar date of the digest, <c>yyyy-MM-dd</c>.</summary>
    public string DigestDate { get; set; } = string.Empty;

    public string Recipient { get; set; } = string.Empty;

    /// <summary>The sections, as <see cref="DigestScope.Format"/> writes them.</summary>
    public string Scopes { get; set; } = string.Empty;

    public int ScopeCount { get; set; }

    public string State { get; set; } = DigestState.Queued;

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset PlannedAt { get; set; }

    /// <summary>Set once the message is on the queue; a row without it was planned by a run that died before queueing.</summary>
    public DateTimeOffset? EnqueuedAt { get; set; }

    public DateTimeOffset? ClaimedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>When a run found it lost and queued it again, or a poison re-drive reopened it.</summary>
    public DateTimeOffset? RequeuedAt { get; set; }

    /// <summary>When the sender gave up after its attempts ran out; only such a failure is reopened by a re-drive.</summary>
    public DateTimeOffset? GaveUpAt { get; set; }

    /// <summary>Re-drives that reopened it; each gives it a fresh round of attempts.</summary>
    public int Redrives { get; set; }

    /// <summary>Planned by a run that stopped before queueing it, and not found lost since: the next run of the day queues it.</summary>
    bool IOutboxRow.NeverQueued => State == DigestState.Queued && EnqueuedAt is null && RequeuedAt is null;

    /// <summary>When the app last wrote it, for <see cref="OutboxRecovery.IsLost"/>. A method: a property would be stored.</summary>
    public DateTimeOffset LastTouched() => OutboxRecovery.LastTouched(PlannedAt, EnqueuedAt, ClaimedAt, RequeuedAt);

    public static string PartitionFor(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The email, lowercase, with the few characters a row key cannot hold (<c>/ \ # ?</c>) percent-escaped.</summary>
    public static string RowKeyFor(string recipient)
    {
        var key = new StringBuilder();
        foreach (var c in recipient.Trim().ToLowerInvariant())
        {
            if (c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c))
            {
                key.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                key.Append(c);
            }
        }

        return key.ToString();
    }

    public static DigestEntity Planned(DateOnly date, DigestPlan plan, DateTimeOffset now) => new()
    {
        PartitionKey = PartitionFor(date),
        RowKey = RowKeyFor(plan.Recipient),
        DigestDate = PartitionFor(date),
        Recipient = plan.Recipient,
        Scopes = DigestScope.Format(plan.Scopes),
        ScopeCount = plan.Scopes.Count,
        State = DigestState.Queued,
        PlannedAt = now,
    };
}
