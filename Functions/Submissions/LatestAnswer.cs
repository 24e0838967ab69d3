namespace TetReadiness.Submissions;

/// <summary>A unit's latest answer to one checklist item (a row of <c>Answers</c>), as aggregations read it.</summary>
public sealed record LatestAnswer(
    string UnitId,
    string DistrictId,
    string ItemId,
    string SectionId,
    AnswerStatus Status,
    string? Note,
    DateTimeOffset SubmittedAt)
{
    /// <summary>1 ready, 0.5 partial, 0 not ready, null when not applicable.</summary>
    public double? Score => ReadinessScore.ScoreOf(Status);
}
