namespace TetReadiness.Submissions;

/// <summary>
/// What a unit wrote as difficulties and proposals in its latest revision (at least one of the two is set), as the
/// digest reads it; the name and area are those of the revision.
/// </summary>
public sealed record DifficultiesAndProposals(
    string UnitId,
    string UnitName,
    string DistrictId,
    int Revision,
    DateTimeOffset SubmittedAt,
    string? Difficulties,
    string? Proposals);
