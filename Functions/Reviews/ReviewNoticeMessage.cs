namespace TetReadiness.Reviews;

/// <summary>The JSON on queue <c>review-notices</c>: which <c>ReviewNotices</c> row to send, one per message.</summary>
public sealed class ReviewNoticeMessage
{
    public string CampaignId { get; set; } = string.Empty;

    public string UnitId { get; set; } = string.Empty;

    public int Sequence { get; set; }

    public static ReviewNoticeMessage From(ReviewNoticeEntity row) => new() { CampaignId = row.CampaignId, UnitId = row.UnitId, Sequence = row.Sequence };
}
