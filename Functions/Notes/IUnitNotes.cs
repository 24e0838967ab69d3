namespace TetReadiness.Notes;

/// <summary>What other features may ask of the notes: each unit's newest, for a list of units (the non-reporters).</summary>
public interface IUnitNotes
{
    /// <summary>
    /// Per unit, its newest note in the campaign: for the whole campaign (<paramref name="districtIds"/> null) one query
    /// of its partition, or one query per area (notes written while the unit was in that area), a page per 1,000 notes.
    /// </summary>
    Task<IReadOnlyDictionary<string, UnitNote>> ReadLatestAsync(string campaignId, IReadOnlySet<string>? districtIds, CancellationToken cancellationToken);
}
