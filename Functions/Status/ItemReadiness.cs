namespace TetReadiness.Status;

/// <summary>
/// One checklist item across the reporting units of a scope: mean readiness (not-applicable answers left out),
/// how many units answered not ready or partial, and the latest notes they wrote about it.
/// </summary>
public sealed record ItemReadiness(
    string ItemId,
    string ItemText,
    string SectionTitle,
    double Readiness,
    int Answered,
    int NotReady,
    int Partial,
    IReadOnlyList<ItemNote> Notes);
