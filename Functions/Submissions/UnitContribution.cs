namespace TetReadiness.Submissions;

/// <summary>
/// One unit's latest report as a scope's figures are summed from it: the report, the status of every item it answered
/// and its notes on the gaps (excerpts, <see cref="GapNotes"/>). Read from the unit's <c>Submissions</c> row alone.
/// </summary>
public sealed record UnitContribution(
    UnitReport Report,
    string DistrictId,
    IReadOnlyDictionary<string, AnswerStatus> Items,
    IReadOnlyDictionary<string, string> GapNotes);
