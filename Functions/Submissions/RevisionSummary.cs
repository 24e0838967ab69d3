using TetReadiness.Time;

namespace TetReadiness.Submissions;

/// <summary>One line of a unit's revision history.</summary>
public sealed record RevisionSummary(int Revision, DateTimeOffset SubmittedAt, bool Late, double? Readiness, int ChecklistVersion, string? SubmitterName, string SubmittedVia)
{
    internal static RevisionSummary Of(RevisionEntity row) => new(
        row.Revision, VietnamTime.ToVietnam(row.SubmittedAt), row.Late, row.Readiness, row.ChecklistVersion, row.SubmitterName, row.SubmittedVia);
}
