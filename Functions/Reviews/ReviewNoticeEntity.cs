using System.Globalization;
using Azure;
using Azure.Data.Tables;
using TetReadiness.Outbox;

namespace TetReadiness.Reviews;

/// <summary>
/// A row of <c>ReviewNotices</c>: the email one review transition sends. Partition = campaign id; row key =
/// <c>{unitId}|{sequence:D6}</c>, the transition's own key and so the idempotency key: asking again for the same
/// transition cannot add a second row. Recipients are not stored: they are read from the roster when the email is
/// composed (the unit's officers, or its area's coordinators), so the row holds no email address.
/// </summary>
public sealed class ReviewNoticeEntity : ITableEntity, IOutboxRow
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

    /// <summary>The transition's sequence in the unit's <c>Reviews</c> rows.</summary>
    public int Sequence { get; set; }

    /// <summary>The revision the transition was about.</summary>
    public int Revision { get; set; }

    /// <summary><c>returned</c>, <c>reopened</c> or <c>reopen-requested</c> (<see cref="ReviewDecisions"/>).</summary>
    public string Decision { get; set; } = string.Empty;

    /// <summary>The coordinator's comment, or the unit's reason for asking to reopen: quoted in the email.</summary>
    public string? Comment { get; set; }

    /// <summary>When the transition happened.</summary>
    public DateTimeOffset TransitionAt { get; set; }

    public string State { get; set; } = OutboxState.Queued;

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset AddedAt { get; set; }

    /// <summary>Set once the message is on the queue; a row without it was added by a call that stopped before queueing it.</summary>
    public DateTimeOffset? EnqueuedAt { get; set; }

    public DateTimeOffset? ClaimedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>When a call found it lost and queued it again, or a poison re-drive reopened it.</summary>
    public DateTimeOffset? RequeuedAt { get; set; }

    /// <summary>When the sender gave up after its attempts ran out; only such a failure is reopened by a re-drive.</summary>
    public DateTimeOffset? GaveUpAt { get; set; }

    /// <summary>Re-drives that reopened it; each gives it a fresh round of attempts.</summary>
    public int Redrives { get; set; }

    /// <summary>Added by a call that stopped before queueing it, and not found lost since: the next call for the transition queues it.</summary>
    bool IOutboxRow.NeverQueued => State == OutboxState.Queued && EnqueuedAt is null && RequeuedAt is null;

    /// <summary>Whether it goes to the area's coordinators (a reopen request) rather than the unit's officers. A method: a property would be stored.</summary>
    public bool IsForCoordinators() => Decision == ReviewDecisions.ReopenRequested;

    /// <summary>When the app last wrote it, for <see cref="OutboxRecovery.IsLost"/>. A method: a property would be stored.</summary>
    public DateTimeOffset LastTouched() => OutboxRecovery.LastTouched(AddedAt, EnqueuedAt, ClaimedAt, RequeuedAt);

    public static string RowKeyFor(string unitId, int sequence) => string.Create(CultureInfo.InvariantCulture, $"{unitId}|{sequence:D6}");

    public static ReviewNoticeEntity For(ReviewTransition transition, DateTimeOffset now) => new()
    {
        PartitionKey = transition.CampaignId,
        RowKey = RowKeyFor(transition.UnitId, transition.Sequence),
        CampaignId = transition.CampaignId,
        UnitId = transition.UnitId,
        UnitName = transition.UnitName,
        DistrictId = transition.DistrictId,
        DistrictName = transition.DistrictName,
        Sequence = transition.Sequence,
        Revision = transition.Revision,
        Decision = transition.Decision,
        Comment = transition.Comment,
        TransitionAt = transition.At,
        State = OutboxState.Queued,
        AddedAt = now,
    };
}
