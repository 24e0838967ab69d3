using Azure;
using Azure.Data.Tables;

namespace TetReadiness.Reviews;

/// <summary>A row of <c>Reviews</c>: one <see cref="ReviewTransition"/>, added once and never rewritten.</summary>
internal sealed class ReviewEntity : ITableEntity
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

    public int Sequence { get; set; }

    public int Revision { get; set; }

    public string FromState { get; set; } = string.Empty;

    public string ToState { get; set; } = string.Empty;

    public string Decision { get; set; } = string.Empty;

    public string? Comment { get; set; }

    public string By { get; set; } = string.Empty;

    public string Via { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }

    public static ReviewEntity From(ReviewTransition t) => new()
    {
        PartitionKey = t.CampaignId,
        RowKey = ReviewKeys.Row(t.UnitId, t.Sequence),
        CampaignId = t.CampaignId,
        UnitId = t.UnitId,
        UnitName = t.UnitName,
        DistrictId = t.DistrictId,
        DistrictName = t.DistrictName,
        Sequence = t.Sequence,
        Revision = t.Revision,
        FromState = t.FromState,
        ToState = t.ToState,
        Decision = t.Decision,
        Comment = t.Comment,
        By = t.By,
        Via = t.Via,
        At = t.At,
    };

    public ReviewTransition ToTransition() =>
        new(CampaignId, UnitId, UnitName, DistrictId, DistrictName, Sequence, Revision, FromState, ToState, Decision, Comment, By, Via, At);
}
