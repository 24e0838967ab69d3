namespace TetReadiness.Status;

/// <summary>
/// One checklist item over the reporting units of a scope: how many answered it ready, partial, not ready and not
/// applicable, and the latest notes on it (partial or not ready). Tallies of two scopes add up (<see cref="ItemTallies.Merge"/>).
/// </summary>
public sealed record ItemTally(string ItemId, int Ready, int Partial, int NotReady, int NotApplicable, IReadOnlyList<TalliedNote> Notes)
{
    /// <summary>Answers that count towards readiness (not applicable left out).</summary>
    public int Answered => Ready + Partial + NotReady;

    /// <summary>Mean score of the answers that count (1, 0.5, 0); null when none counts.</summary>
    public double? Readiness => Answered == 0 ? null : (Ready + (0.5 * Partial)) / Answered;
}
